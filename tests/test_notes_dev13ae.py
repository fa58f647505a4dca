"""Round 37 (dev13ae): an @-reply that only gives the asker work does not replace an answer given in the
question's own form; short decisions (a pick two members agree to, a granted request); a member's own
appointment is no key point; a question is no next step; the title is never the option the group turned down.

Every chat below was written for these tests (a community vegetable garden, a dragon-boat team, a Cantonese
board-game café group, a kite club, a photography walk, a cat-sitting swap, a volunteer library); none is a
QA chat or an eval chat.
"""

from __future__ import annotations

from datetime import datetime
from functools import partial

from chat_lines import chat_lines, chat_notes

from copilot.notes.pairing import find_qa
from copilot.notes.reading import find_topic
from copilot.notes.todos import find_actions

START = datetime(2026, 12, 12, 19, 30)

_msgs = partial(chat_lines, start=START)


_notes = partial(chat_notes, start=START, name="t.txt", fmt="wechat")


# --- F5. the answer in the question's form stands against a later @-reply that gives the asker work ---

_GARDEN = (
    "菜园-老方|各位，说一下下个月菜园浇水和施肥的安排",
    "菜园-老方|今年冬天改成两天浇一次，早上九点前浇完",
    "阿梅|那浇水怎么排，还是按周轮吗",
    "菜园-老方|按周，每家轮一周，从3号楼开始",
    "小丁|肥料还用去年那家的吗",
    "菜园-老方|换一家，去年的有股怪味",
    "阿梅|好的",
    "菜园-老方|@阿梅 浇水表你还是负责贴，周一前贴到工具房门上",
    "阿梅|没问题",
)


def test_at_reply_giving_the_asker_work_does_not_replace_the_answer_in_form():
    qa = {p.question: (p.answerer, p.answer) for p in find_qa(_msgs(*_GARDEN), "话题讨论", ["菜园-老方"], "菜园-老方")}
    who, answer = qa["那浇水怎么排，还是按周轮吗"]
    assert who == "菜园-老方" and "按周" in answer
    assert "工具房" not in answer


_BOAT = (
    "龙舟队-阿伦|周日上午在江边练船，八点下水",
    "小麦|两个小时够不够啊，新人还没学会划",
    "老关|够的，上次一个半小时就练完了",
    "阿伦|护具自己带",
    "小麦|我周日下午要回老家吃饭",
    "龙舟队-阿伦|@小麦 那你周六跟阿杰换一下班，周五前说好",
    "小麦|好的",
)


def test_a_not_a_question_answered_with_its_own_yes_and_a_figure_is_kept():
    msgs = _msgs(*_BOAT)
    qa = {p.question: (p.answerer, p.answer) for p in find_qa(msgs, "话题讨论", ["龙舟队-阿伦"], "龙舟队-阿伦")}
    who, answer = qa["两个小时够不够啊，新人还没学会划"]
    assert who == "老关" and answer.startswith("够的")


def test_an_at_reply_that_answers_still_replaces_a_bystanders_guess():
    chat = _msgs("摄影-阿宽|周六外拍在植物园，下午两点集合",
                 "小叶|停车场在哪",
                 "阿彬|好像在东门吧",
                 "摄影-阿宽|@小叶 西门进去左手边，地下二层")
    qa = {p.question: (p.answerer, p.answer) for p in find_qa(chat, "话题讨论", ["摄影-阿宽"], "摄影-阿宽")}
    assert qa["停车场在哪"][0] == "摄影-阿宽" and "西门" in qa["停车场在哪"][1]


# --- F6. short decisions: a pick two members agree to; a granted request; a Cantonese "我都揀X" vote ---

def test_a_pick_of_the_choice_put_that_two_members_agree_to_is_a_decision():
    chat = _msgs("风筝社-阿龙|下个月比赛的事：报名表我来交",
                 "小宋|比赛用软翼还是硬翼",
                 "风筝社-阿龙|软翼吧，硬翼上次断了两根骨架",
                 "阿福|同意软翼",
                 "大鹏|同意")
    _, decisions, _ = find_actions(chat)
    soft = [d for d in decisions if "软翼" in d.text]
    assert soft and soft[0].by[:3] == ["风筝社-阿龙", "阿福", "大鹏"]


def test_a_pick_with_only_one_yes_after_it_is_not_yet_a_decision():
    chat = _msgs("风筝社-阿龙|下个月比赛的事：报名表我来交",
                 "小宋|比赛用软翼还是硬翼",
                 "风筝社-阿龙|软翼吧，硬翼上次断了两根骨架",
                 "阿福|同意软翼",
                 "大鹏|我再想想，硬翼飞得高")
    _, decisions, _ = find_actions(chat)
    assert not any("软翼吧" in d.text for d in decisions)


def test_granting_a_members_request_with_its_change_repeated_is_a_decision():
    chat = _msgs("图书角-陈姐|这个月值班表发群里了，大家看一下",
                 "小贺|我周六要带孩子打疫苗，周六那天值班改成下午两点开始行不行",
                 "图书角-陈姐|可以，周六就下午两点",
                 "小贺|谢谢陈姐")
    _, decisions, _ = find_actions(chat)
    granted = [d for d in decisions if "下午两点" in d.text]
    assert granted and granted[0].by[:2] == ["图书角-陈姐", "小贺"]


def test_a_yes_that_repeats_nothing_asked_grants_no_decision():
    chat = _msgs("图书角-陈姐|这个月值班表发群里了，大家看一下",
                 "小贺|周六那天值班改成下午两点开始行不行",
                 "图书角-陈姐|可以，我问问物业",
                 "小贺|好")
    _, decisions, _ = find_actions(chat)
    assert decisions == []


def test_cantonese_me_too_pick_counts_as_agreeing():
    chat = _msgs("桌遊-Ivan|下個月聚會有兩個揀：《璀璨寶石》定係《卡坦島》",
                 "阿欣|我想玩卡坦島",
                 "Kit仔|卡坦島+1",
                 "阿Mo|咁我都揀卡坦島",
                 "桌遊-Ivan|OK咁就定《卡坦島》，每人$80")
    _, decisions, _ = find_actions(chat)
    catan = [d for d in decisions if "卡坦島" in d.text]
    assert catan and "阿Mo" in catan[0].by


def test_a_pick_of_the_other_option_does_not_agree():
    chat = _msgs("桌遊-Ivan|下個月聚會有兩個揀：《璀璨寶石》定係《卡坦島》",
                 "阿欣|我想玩卡坦島",
                 "Kit仔|卡坦島+1",
                 "阿Mo|咁我都揀璀璨寶石",
                 "桌遊-Ivan|OK咁就定《卡坦島》，每人$80")
    _, decisions, _ = find_actions(chat)
    catan = [d for d in decisions if "卡坦島" in d.text]
    assert catan and "阿Mo" not in catan[0].by


# --- F8. the title is the option chosen, not the one turned down ---

def test_title_is_not_an_option_put_to_choose_from():
    chat = _msgs("桌遊-Ivan|講下下個月聚會嘅安排",
                 "桌遊-Ivan|下個月聚會有兩個揀：《璀璨寶石》定係《卡坦島》",
                 "阿欣|我想玩卡坦島",
                 "Kit仔|卡坦島+1",
                 "桌遊-Ivan|OK咁就定《卡坦島》，每人$80")
    assert find_topic(chat) == "卡坦島"


def test_a_single_title_named_at_the_start_is_still_the_topic():
    chat = _msgs("读书会-小周|本周读《长安的荔枝》，周五晚上八点线上聊",
                 "阿青|好的，我读了一半",
                 "读书会-小周|读完的可以先写两百字感想")
    assert find_topic(chat) == "长安的荔枝"


def test_summary_decision_keeps_its_settling_head_whole():
    notes = _notes("猫咪互助-小葵|下个月寄养轮换的事商量一下",
                   "阿南|我觉得还是按楼层轮，方便",
                   "丸子|同意按楼层",
                   "小柚|+1",
                   "猫咪互助-小葵|那就这样，按楼层轮，每层一周，12月1号开始",
                   "阿南|收到")
    assert "这样，按楼层" not in notes.summary
    assert "按楼层轮，每层一周" in notes.summary


# --- F7. a member's own appointment is no key point; a question is no next step ---

_KITE = (
    "风筝社-阿龙|说一下元旦风筝节的安排",
    "风筝社-阿龙|1月1号上午九点在江滩公园北门集合，每人带一只自己做的风筝",
    "小宋|比赛分几个组",
    "风筝社-阿龙|分三组：软翼、硬翼、串风筝，每组前两名有奖",
    "阿福|奖品谁来买",
    "大鹏|我来买，周五前买好",
    "阿福|我下个礼拜三要去医院复查，可能群里不回消息大家别找我",
    "阿芳|我聽日約咗睇牙，下晝先覆",
    "小宋|线轴统一买还是自己带",
    "风筝社-阿龙|自己带，江滩风大，线要够长",
    "阿福|我周三那天的值班改到周四行不行",
    "风筝社-阿龙|报名表小宋你周四前发群里",
    "小宋|好的",
)


def test_own_hospital_visit_and_dentist_appointment_are_no_key_points():
    notes = _notes(*_KITE)
    said = notes.summary + " ".join(p.text for p in notes.key_points)
    assert "复查" not in said and "睇牙" not in said
    assert "江滩公园" in said  # the event itself is still told


_SHUTTLE = (
    "班车-老严|下个月班车分两班，7点半和8点",
    "阿坤|同意",
    "小葛|+1",
    "班车-老严|那就定了，7点半老严的车，8点阿坤的车",
    "班车-老严|谁来统计一下每个人坐哪班？",
    "小葛|我来，明晚之前统计好",
    "阿坤|我周五要去修车，周五那天8点班改成8点半出发行不行",
    "班车-老严|小葛你周四前把名单发群里",
)


def test_next_steps_in_the_summary_list_no_question():
    notes = _notes(*_SHUTTLE)
    nxt = notes.summary.split("接下来：", 1)[1]
    assert "行不行" not in nxt
    assert "明晚之前统计好" in nxt and "名单发群里" in nxt  # the real next steps are still there


# --- F9. the rules an organiser states are a key point, whatever their words ---

_PINGPONG = (
    "乒乓球队-老魏|各位球友，说一下元旦社区乒乓球赛的事",
    "乒乓球队-老魏|1月3号星期六上午9点在社区文体中心三楼，报名费每人15元",
    "小钱|好",
    "乒乓球队-老魏|规则是小组循环后淘汰每局11分三局两胜",
    "阿鹏|老魏球拍要自己带吗",
    "乒乓球队-老魏|自己带，球由中心提供",
    "小钱|我昨天跟我儿子打了一晚上全输了哈哈",
    "阿鹏|哈哈哈",
    "乒乓球队-老魏|奖品大家商量一下买球拍还是买运动毛巾",
    "阿鹏|我觉得买球拍实用",
    "小钱|同意买球拍",
    "乒乓球队-老魏|那就买球拍，前三名每人一块，预算500块",
    "乒乓球队-老魏|谁来负责去买一下",
    "阿鹏|我去吧，下周一之前买好",
    "乒乓球队-老魏|好谢谢阿鹏",
    "老薛|报名是在群里接龙还是去中心登记",
    "乒乓球队-老魏|群里接龙就行钱当天交",
    "老薛|好的",
    "小钱|比赛那天中午管饭吗",
    "乒乓球队-老魏|不管饭，中午十二点前结束",
    "老薛|年纪大的有没有分组照顾",
    "乒乓球队-老魏|六十岁以上单独一个组",
    "小钱|[强]",
    "阿鹏|裁判谁来当",
    "乒乓球队-老魏|裁判我和中心的何老师两个人",
    "老薛|我下周二要去外地喝喜酒，群里可能不回",
    "小钱|老薛玩得开心",
    "老薛|谢谢",
    "乒乓球队-老魏|小钱你负责借一下记分牌，中心有6块，不够再问问学校，星期四之前告诉我",
    "小钱|行没问题",
    "阿鹏|接龙我来发",
    "阿鹏|接龙 元旦乒乓球赛报名 1 阿鹏",
    "老薛|2 老薛",
    "乒乓球队-老魏|最后说一下报名接龙后天晚上8点截止",
    "小钱|收到",
)


def test_rules_stated_by_the_organiser_are_a_key_point():
    notes = _notes(*_PINGPONG)
    assert any("三局两胜" in p.text for p in notes.key_points)


def test_a_members_chatter_with_a_figure_is_still_no_key_point():
    notes = _notes(*_PINGPONG)
    assert not any("全输了" in p.text for p in notes.key_points)


def test_cantonese_settling_word_makes_the_main_decision_the_last_word():
    notes = _notes("桌遊-Ivan|講下下個月聚會嘅安排",
                   "桌遊-Ivan|下個月聚會有兩個揀：《璀璨寶石》定係《卡坦島》",
                   "阿欣|我想玩卡坦島",
                   "Kit仔|卡坦島+1",
                   "阿Mo|咁我都揀卡坦島",
                   "桌遊-Ivan|OK咁就定《卡坦島》，每人$80",
                   "阿欣|玩完去邊度食飯？",
                   "Kit仔|附近有間火鍋幾好",
                   "阿Mo|火鍋好呀",
                   "桌遊-Ivan|好，玩完一齊去食火鍋，AA")
    assert "卡坦島" in notes.summary.split("最后决定：", 1)[1].split("。", 1)[0]


def test_a_pick_the_one_who_asked_leaves_open_is_no_decision():
    chat = _msgs("徒步队-老孟|下周六的路线定一下，走山脊还是走溪谷",
                 "阿彤|溪谷吧，山脊风太大",
                 "小岳|同意溪谷",
                 "大熊|同意",
                 "徒步队-老孟|我问问护林站那边再定")
    _, decisions, _ = find_actions(chat)
    assert not any("溪谷" in d.text for d in decisions)
