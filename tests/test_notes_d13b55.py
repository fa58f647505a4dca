"""Round 55 (d13b55): work the speaker hands on to someone named (我让/我叫/我请 X …), a reply that only takes work on
(「收到，我来」), and rules or offers for those who act by a day (「…之前下单的还按老价」) that are no to-dos."""
from copilot.notes.parse import parse_text
from copilot.notes.structure import analyze
from copilot.notes.todos import find_actions


def _actions(lines: list[str]):
    return find_actions(parse_text("\n".join(lines) + "\n", suffix=".txt").messages)[0]


def _analysed(lines: list[str]):
    return analyze(parse_text("\n".join(lines) + "\n", suffix=".txt")).actions


def test_work_handed_to_a_named_helper_is_the_helpers():
    acts = _actions([
        "[2028-02-14 14:00] 社区-何主任: 下周六上午8点半在社区广场搞一次义诊",
        "[2028-02-14 14:10] 社区-何主任: 横幅我让小赵后天去打印店取",
    ])
    banner = [a for a in acts if "横幅" in a.task]
    assert banner and banner[0].owner == "小赵"
    assert banner[0].deadline and banner[0].deadline.startswith("2028-02-16")


def test_a_kin_word_between_the_handing_word_and_the_name_is_skipped():
    acts = _actions([
        "[2028-11-14 19:40] 指挥-周老师: 音乐会改到12月17日周日晚上7点",
        "[2028-11-14 19:46] 女中-阿梅: 演出服我让我妹妹阿珍这周六去干洗店取",
    ])
    dress = [a for a in acts if "演出服" in a.task]
    assert dress and dress[0].owner == "阿珍"


def test_a_handed_to_name_no_roster_knows_is_read_up_to_the_time():
    acts = _actions([
        "[2028-01-24 19:00] 物业-小郑: 这周内把楼道里的杂物清掉",
        "[2028-01-24 19:03] 5栋楼长刘姐: 5栋杂物多，我让我家大军明天下午帮着搬",
    ])
    move = [a for a in acts if "搬" in a.task]
    assert move and move[0].owner == "大军"
    assert move[0].deadline and move[0].deadline.startswith("2028-01-25")


def test_handed_on_work_gets_its_day_whatever_its_verb():
    acts = _actions([
        "[2028-06-21 20:00] 主席May姐: 外牆維修7月3號開始搭棚",
        "[2028-06-21 20:16] 陳太C座: 工程時間表我叫阿明聽日去管理處攞",
    ])
    sheet = [a for a in acts if "工程時間表" in a.task]
    assert sheet and sheet[0].owner == "阿明"
    assert sheet[0].deadline and sheet[0].deadline.startswith("2028-06-22")


def test_saying_ones_own_name_hands_nothing_on():
    acts = _actions([
        "[2028-03-01 20:00] 新人: 大家好，我叫小明，明天第一次来上课",
    ])
    assert all(a.owner != "小明" for a in acts)


def test_a_rule_for_those_who_order_by_a_day_is_no_todo():
    acts = _actions([
        "[2028-10-05 09:00] 团长阿兰: 新茶到了，明前龙井一斤680元，要的直接接龙",
        "[2028-10-05 09:05] 团长阿兰: 10月15日之前下单的还按老价",
        "[2028-10-05 09:06] 团长阿兰: 8月31日前续费的送两节课",
        "[2028-10-05 09:07] 团长阿兰: 5月25日前交钱的，旅行社送一份午餐",
    ])
    assert not [a for a in acts if "老价" in a.task or "送两节课" in a.task or "午餐" in a.task]


def test_work_put_by_a_day_with_its_own_object_is_still_a_todo():
    acts = _actions([
        "[2028-10-05 09:00] 团长阿兰: 新茶到了，要的直接接龙",
        "[2028-10-05 09:08] 团长阿兰: @小芳 周五前把做好的订单表发我",
        "[2028-10-05 09:10] 团长阿兰: 行，阿芳你下周一前把12月的活动室都登记好",
    ])
    assert [a for a in acts if "订单表" in a.task and a.owner == "小芳"]
    assert [a for a in acts if "活动室" in a.task and a.owner == "阿芳"]


def test_an_accept_only_reply_takes_the_work_asked_of_the_replier():
    acts = _analysed([
        "[2027-11-22 20:00] 舞蹈老師Emma: 年末發表會定在12月18日週六下午2點，地點在文化中心演藝廳",
        "[2027-11-22 20:08] 舞蹈老師Emma: @阿哲爸 發表會那天的錄影就拜託你了",
        "[2027-11-22 20:09] 阿哲爸: 收到，我來",
    ])
    mine = [a for a in acts if a.owner == "阿哲爸"]
    assert mine and all("錄影" in a.task for a in mine)


def test_an_accept_only_reply_with_no_work_asked_of_the_replier_keeps_its_place():
    acts = _analysed([
        "[2028-08-23 18:00] 海豚游泳馆-前台: 【通知】本周六泳池换水，停课一次",
        "[2028-08-23 18:08] 海豚游泳馆-前台: @教练阿杰 下周一前把补课时间表发群里",
        "[2028-08-23 18:08] 教练阿杰: 收到，我来",
    ])
    mine = [a for a in acts if a.owner == "教练阿杰"]
    assert len(mine) == 1 and "补课时间表" in mine[0].task
    assert mine[0].deadline and mine[0].deadline.startswith("2028-08-28")
