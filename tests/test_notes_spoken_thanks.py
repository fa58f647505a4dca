"""A chat's thank-you head is social framing and is cut; in a transcribed meeting (anonymous speaker
labels) a turn opening with 感谢 keeps it, because there it is the turn's content."""

from copilot.notes.offline import clean_sentence


def test_a_chats_thanks_to_a_member_is_cut_before_the_point() -> None:
    assert clean_sentence("多謝阿Ben，拉花最緊要係奶泡要夠細滑") == "拉花最緊要係奶泡要夠細滑"
    assert clean_sentence("谢谢老周，周六早上七点半南门集合") == "周六早上七点半南门集合"


def test_a_spoken_turn_keeps_its_thanks() -> None:
    turn = "感谢各部门的配合，第三季度回款率提到了百分之八十五"
    assert clean_sentence(turn, spoken=True) == turn
    assert clean_sentence(turn) == "第三季度回款率提到了百分之八十五"  # the same line in a chat is cut


def test_a_thanks_with_nothing_after_it_stays_whole() -> None:
    assert clean_sentence("谢谢大家，辛苦了") == "谢谢大家，辛苦了"  # what is left is too short to stand alone
