"""Round 58 (d15c58): template notes attach only where their condition holds in the line, and a long question's
note quotes a main question cut at clause boundaries (qa15r40)."""

from copilot.knowledge.ask import lacking_last, main_question, mark_example, quoted
from copilot.knowledge.index import example_cues

PITFALLS = ["- 拼手速：抢答、抢红包只奖励常在线的人，上班族永远抢不到，反而会打击积极性； [3]",
            "- 一停就冷场：只有发红包时才有人说话，说明群里还没有别的理由让人开口。 [3]"]


def test_lines_of_a_pitfall_section_get_no_money_note() -> None:
    question = "社群的核心成员怎么奖励？没钱发红包的那种"
    assert lacking_last(PITFALLS, question, "常见误区") == PITFALLS
    # the same lines in a section that is no list of pitfalls still say the step costs money
    noted = lacking_last(PITFALLS, question, "怎么激励核心成员")
    assert all("你说没钱" in line for line in noted)


def test_a_training_camp_alone_is_no_running_club_example() -> None:
    line = '六句话之间要互相支撑，比如"短期训练营"就不该配"长期陪伴型"的服务承诺。'
    assert mark_example(line, "读书群的定位怎么写") == line
    running = '- 群名片给出格式，如"城市-昵称-跑龄"；'
    assert mark_example(running, "读书群的欢迎语怎么写") == running + example_cues().kind_note.format(kind="跑步群")


def test_a_pasted_fragment_glued_to_the_typed_question_is_dropped() -> None:
    told = "我是做亲子阅读的，群里三百多个家长，最近有几个家长天天发自己家孩子的培训班广告，还拉人去别的群，"
    question = (told * 60)[:len(told) * 59 + 6] + "这种人怎么处理才不伤和气？"
    assert question.endswith("我是做亲子阅这种人怎么处理才不伤和气？")
    read = main_question(question)
    assert read.endswith("还拉人去别的群，这种人怎么处理才不伤和气？")
    assert "亲子阅这种人" not in read


def test_distinct_clauses_sharing_an_opening_are_kept_whole() -> None:
    question = ("群里有人发广告，" * 50) + "群里有人骂人怎么办？"
    assert main_question(question).endswith("群里有人骂人怎么办？")


def test_the_quote_of_a_run_of_laughter_is_short() -> None:
    shown = quoted(main_question("哈" * 5000))
    assert len(shown) <= 10 and shown.endswith("…")
    long_read = "，".join(["群里有人天天发广告我提醒了好几次也不听"] * 15)
    assert len(quoted(long_read)) <= 201
