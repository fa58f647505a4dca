"""Rebuild ``copilot/resources/moderation/veiled_abuse.jsonl``: veiled abuse and its hard negatives, written for it.

Every frame and filler below was written for this corpus (round 48, d17a48); nothing is taken from the eval sets,
the methodology seeds or the shared data. A frame is a way of saying something (sarcastic praise, a mock-polite
request, a plea, talk behind someone's back, mock agreement, a put-down dressed as a question; and on the ok side
banter marked as a joke, self-mockery, a quoted insult reported, a complaint about a thing, civil disagreement,
genuine praise, a critique of the work). Each frame (their count is in ``copilot/resources/moderation/ABUSE.md``) is
filled with the material of 15 group kinds, in Mandarin, Cantonese (written in Simplified, as Guangzhou members write
it) or Taiwan Mandarin (Traditional).

The **locked split** is by frame, not by line: a frame whose id hashes to 0 mod 5 is held out whole, so the model's
held-out figures say how it reads a way of speaking it has never seen, not another filling of one it has.

Usage: ``.venv/bin/python scripts/build_veiled_corpus.py`` (deterministic), then
``.venv/bin/python scripts/train_corpus_model.py veiled``.
"""

from __future__ import annotations

import json
import random
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from copilot.moderation.training import md5_fifth  # noqa: E402
from copilot.textnorm import opencc_plain  # noqa: E402

OUT = ROOT / "copilot" / "resources" / "moderation" / "veiled_abuse.jsonl"

# group kind → name, act (what members do), teach (helping others), fail (three failings), fy (a failing in Cantonese),
# ay (act in Cantonese), work (what they show), good (a success), thing (a thing to complain about), proposal, reason
GROUPS = {
    "choir": dict(name=["阿琴", "老李"], act="上台唱", teach="教新人发声", fail=["唱到第二句就跑调", "每次都抢拍", "高音一上去就破"],
                  fy="唱到走晒音", ay="上台唱", work="这段独唱", good="高音稳稳的", thing="排练室的空调",
                  proposal="把排练改到周五晚上", reason="好多人周五要加班"),
    "badminton": dict(name=["大刘", "小唐"], act="上场", teach="指导别人握拍", fail=["发球十个下网八个", "站位永远站不对", "杀球全打出界"],
                      fy="发球发到落网", ay="落场打", work="这几个球", good="反手接杀稳得一批", thing="球馆的灯光",
                      proposal="把场地费涨到五十", reason="学生党会来不了"),
    "photo": dict(name=["老陈", "Mia"], act="发作品", teach="给别人讲构图", fail=["照片张张都是歪的", "曝光永远不对", "对焦总是糊"],
                  fy="影到张张都矇", ay="出作品", work="这组照片", good="这张逆光拍得太有味道了", thing="那家冲印店的扫描",
                  proposal="每周只允许发三张图", reason="新人会不敢发"),
    "book": dict(name=["书虫小周", "阿敏"], act="领读", teach="给别人讲书", fail=["书都没读完就来发言", "每次都把作者名字念错", "讲了半小时没讲到重点"],
                 fy="本书未睇完就嚟讲", ay="领读", work="这篇读后感", good="这次领读讲得特别清楚", thing="这版译本的排版",
                 proposal="每月读两本", reason="上班族根本读不完"),
    "baking": dict(name=["糖糖", "王姐"], act="晒面包", teach="教人调面糊", fail=["戚风十次塌九次", "面包烤得跟石头一样", "奶油永远打不发"],
                   fy="焗到啲面包硬过石头", ay="晒面包", work="这个蛋糕", good="这次的欧包气孔太漂亮了", thing="新买的那台烤箱",
                   proposal="每周必须交一次作业", reason="大家时间不一样"),
    "running": dict(name=["阿飞", "跑跑"], act="参加约跑", teach="给新人排课表", fail=["五公里跑了四十分钟", "每次跑一半就打车回家", "配速永远掉到八分"],
                    fy="跑两公里就喘到死", ay="出嚟跑", work="这份训练计划", good="这次半马破了两小时", thing="那条绿道的路灯",
                    proposal="约跑改到早上五点半", reason="太早了很多人起不来"),
    "coding": dict(name=["小K", "老王"], act="提PR", teach="给别人review代码", fail=["写个循环都能死循环", "每次提交都把测试搞挂", "连git都用不明白"],
                   fy="写个循环都出错", ay="交code", work="这段代码", good="这次重构写得真干净", thing="公司那个CI服务",
                   proposal="所有PR必须两个人审", reason="人手不够会卡住"),
    "fishing": dict(name=["钓鱼佬老黄", "阿强"], act="出钓", teach="教人调漂", fail=["蹲了一天一条鱼没上", "线总是缠成一团", "抛竿能挂到树上"],
                    fy="钓成日都冇鱼", ay="出钓", work="这次的渔获", good="这条鲈鱼真大", thing="那个钓场的收费",
                    proposal="下次去水库夜钓", reason="晚上不安全"),
    "dance": dict(name=["张阿姨", "红姐"], act="领舞", teach="教新队员动作", fail=["节拍永远慢半拍", "动作记一个忘两个", "转圈转得东倒西歪"],
                  fy="跳到手脚打结", ay="领舞", work="这段编舞", good="今天这段跳得真整齐", thing="广场那个音箱",
                  proposal="每天多跳半小时", reason="老人家膝盖受不了"),
    "parents": dict(name=["朵朵妈", "乐乐爸"], act="在群里发言", teach="给别人讲育儿经", fail=["孩子的作业从来没按时交过", "每次开会都迟到", "通知永远看不全"],
                    fy="成日唔睇通知", ay="喺群度讲嘢", work="这份值日表", good="这次运动会组织得真好", thing="学校那个缴费小程序",
                    proposal="周末也安排补课", reason="孩子需要休息"),
    "guitar": dict(name=["阿木", "吉他小张"], act="弹唱", teach="教人按和弦", fail=["F和弦按了三年还是闷音", "节奏永远不稳", "调音都调不准"],
                   fy="弹到啲和弦全部闷晒", ay="弹唱", work="这首翻弹", good="这段solo弹得太顺了", thing="琴行租的那把琴",
                   proposal="每次聚会都要表演", reason="新手会紧张"),
    "boardgame": dict(name=["桌游阿华", "小雨"], act="开局", teach="给新人讲规则", fail=["规则讲了半小时还讲错", "每局都算错分", "出牌要想十分钟"],
                      fy="讲规则都讲错", ay="开局", work="这套自制卡牌", good="今晚这局带得太好了", thing="那家店的桌子",
                      proposal="每局限时两小时", reason="重策游戏根本玩不完"),
    "hiking": dict(name=["山猫", "阿哲"], act="带队", teach="给新人讲装备", fail=["走两公里就要歇半小时", "每次都走错路", "连地图都看不懂"],
                   fy="行两步就要抖", ay="带队", work="这条路线", good="这次路线规划得太好了", thing="景区那个停车场",
                   proposal="下次走夜路下山", reason="夜里下山太危险"),
    "calligraphy": dict(name=["墨香", "老孙"], act="交作业", teach="给别人点评笔画", fail=["横都写不平", "临了一年还是像蚯蚓爬", "连笔顺都不对"],
                        fy="写到啲字好似蚯蚓", ay="交功课", work="这幅字", good="这幅隶书蚕头燕尾写得真到位", thing="文具店卖的那批宣纸",
                        proposal="每天必须打卡", reason="有人要上班"),
    "game": dict(name=["野王阿杰", "小鱼"], act="开黑", teach="教人走位", fail=["一局送了十个人头", "大招永远放空", "走位全靠送"],
                 fy="打一局送十个人头", ay="开黑", work="这把操作", good="这把carry得太帅了", thing="服务器的延迟",
                 proposal="每晚固定十点开黑", reason="有人要早睡"),
}

# frames: (id, label, kind, script, text). Slots: {name} {act} {teach} {fail} {fy} {ay} {work} {good} {thing}
# {proposal} {reason} {quoted}. Script "tw" is converted to Traditional (Taiwan phrasing) after filling.
FRAMES = [
    # abuse: sarcastic praise
    ("s1", "abuse", "sarcastic_praise", "zh", "{name}你真是天赋异禀，{fail}还能这么自信，佩服佩服"),
    ("s2", "abuse", "sarcastic_praise", "zh", "恭喜{name}又一次{fail}，这么稳定也是一种本事"),
    ("s3", "abuse", "sarcastic_praise", "zh", "{name}的{work}真是开创了一个新流派，建议直接申遗"),
    ("s4", "abuse", "sarcastic_praise", "zh", "哇{name}好厉害哦，{fail}这种事都做得到，我们真学不来"),
    ("s5", "abuse", "sarcastic_praise", "zh", "真羡慕{name}，{fail}了还笑得出来，心是真大"),
    ("s6", "abuse", "sarcastic_praise", "zh", "{name}太有才了，每次{act}都能刷新我们对下限的认识"),
    ("s7", "abuse", "sarcastic_praise", "zh", "感谢{name}每次{act}都给大家带来欢乐，毕竟{fail}也不是谁都做得到"),
    ("s8", "abuse", "sarcastic_praise", "zh", "{name}您真是我们群的镇群之宝，有您在，别人{act}都显得特别专业"),
    # abuse: mock-polite
    ("m1", "abuse", "mock_polite", "zh", "麻烦{name}下次{act}之前先把基础练练，大家陪你也挺不容易的"),
    ("m2", "abuse", "mock_polite", "zh", "您老人家就别{act}了，在旁边歇着多好，大家都轻松"),
    ("m3", "abuse", "mock_polite", "zh", "劳驾某位大佬{act}的时候离我们远点，谢谢配合哈"),
    ("m4", "abuse", "mock_polite", "zh", "{name}辛苦了，就您这水平还坚持{act}，真是难为我们了"),
    ("m5", "abuse", "mock_polite", "zh", "建议{name}先去找幼儿园老师补补课，再来群里{act}"),
    ("m6", "abuse", "mock_polite", "zh", "{name}，温馨提示一下，{fail}的人最好安静一点，给大家留点清净"),
    # abuse: plea
    ("p1", "abuse", "plea", "zh", "求求{name}别再{act}了，放过大家吧"),
    ("p2", "abuse", "plea", "zh", "拜托某位大神别再{teach}了，自己{fail}都没弄明白"),
    ("p3", "abuse", "plea", "zh", "我就一个请求，{name}以后{act}能不能别叫上我，丢不起这个人"),
    ("p4", "abuse", "plea", "zh", "行行好吧{name}，你{act}一次我们要缓三天"),
    # abuse: behind someone's back
    ("b1", "abuse", "backbiting", "zh", "有些人{fail}还天天{teach}，真不知道哪来的自信"),
    ("b2", "abuse", "backbiting", "zh", "某些人{act}跟闹着玩一样，跟他一组真是倒了大霉"),
    ("b3", "abuse", "backbiting", "zh", "那个谁又来了，每次{fail}都要拉着全群陪他"),
    ("b4", "abuse", "backbiting", "zh", "有的人啊，{fail}还好意思在群里晒{work}，脸皮是真厚"),
    ("b5", "abuse", "backbiting", "zh", "咱们群有位朋友，{fail}，却最爱{teach}，大家懂的都懂"),
    # abuse: mock agreement
    ("a1", "abuse", "mock_agree", "zh", "好好好你最懂，全群就你会{act}，我们都是来陪你的"),
    ("a2", "abuse", "mock_agree", "zh", "对对对你说的都对，{fail}也是你的独门绝技"),
    ("a3", "abuse", "mock_agree", "zh", "行行行你开心就好，反正{fail}的又不是我们"),
    # abuse: a put-down dressed as a question
    ("q1", "abuse", "question_putdown", "zh", "{name}你是来搞笑的吧，{fail}也敢报名"),
    ("q2", "abuse", "question_putdown", "zh", "就这水平也好意思{teach}？"),
    ("q3", "abuse", "question_putdown", "zh", "{name}你认真的吗，这种{work}也拿得出手？"),
    ("q4", "abuse", "question_putdown", "zh", "这种程度也敢{act}，不怕别人笑话吗"),
    ("q5", "abuse", "question_putdown", "zh", "{name}，你家里人知道你{act}是这个样子吗"),
    # abuse: at the members
    ("g1", "abuse", "at_members", "zh", "就你们这群人{act}的水平，出去别说是一个群的"),
    ("g2", "abuse", "at_members", "zh", "你们这些新人能不能先别{act}，{fail}的样子看着都累"),
    # abuse: Cantonese
    ("y1", "abuse", "sarcastic_praise", "yue", "{name}你真系好有天分，{fy}都仲咁淡定，佩服佩服"),
    ("y2", "abuse", "plea", "yue", "唔该你唔好再{ay}啦，当帮大家一个忙"),
    ("y3", "abuse", "backbiting", "yue", "有啲人{fy}仲日日喺度教人，真系唔知边度嚟嘅自信"),
    ("y4", "abuse", "mock_agree", "yue", "好啦好啦你最叻，成个群得你识{ay}"),
    ("y5", "abuse", "question_putdown", "yue", "你咁嘅水平都够胆{ay}，真系勇气可嘉"),
    ("y6", "abuse", "mock_polite", "yue", "{name}，麻烦你下次{ay}之前练多两年先，大家都好辛苦"),
    # abuse: Taiwan Mandarin
    ("t1", "abuse", "sarcastic_praise", "tw", "{name}你真的很厉害欸，{fail}还能这么有自信，佩服佩服"),
    ("t2", "abuse", "mock_polite", "tw", "拜托那位大哥{act}的时候离我们远一点好吗，谢谢喔"),
    ("t3", "abuse", "mock_agree", "tw", "好啦好啦你最厉害，全世界就你会{act}"),
    ("t4", "abuse", "question_putdown", "tw", "这种程度也好意思{teach}，真的很敢"),
    ("t5", "abuse", "backbiting", "tw", "某些人{fail}还一直在那边指导别人，笑死"),
    ("t6", "abuse", "sarcastic_praise", "tw", "{name}每次{act}都好有勇气喔，观众应该需要一点时间复原"),
    # abuse: round 48's second batch — a failing implied by what it does to others, an "honest" suggestion, a wish
    ("s9", "abuse", "sarcastic_praise", "zh", "{name}一上场，对面就放心了，真是我们的福将"),
    ("s10", "abuse", "sarcastic_praise", "zh", "有{name}在，我们群从来不缺笑料"),
    ("s11", "abuse", "sarcastic_praise", "zh", "不愧是{name}，每次都能把简单的事搞砸"),
    ("s12", "abuse", "sarcastic_praise", "zh", "{name}，你的存在让大家都很有安全感，毕竟谁都不会比你更差"),
    ("s13", "abuse", "sarcastic_praise", "zh", "咱们群的平均水平，全靠{name}一个人往下拉"),
    ("s14", "abuse", "sarcastic_praise", "zh", "看{name}{act}，我终于明白什么叫无知者无畏"),
    ("m7", "abuse", "mock_polite", "zh", "{name}要不考虑换个爱好？{act}可能真的不太适合你"),
    ("m8", "abuse", "mock_polite", "zh", "{name}这波操作建议录下来，给新人当反面教材"),
    ("m9", "abuse", "mock_polite", "zh", "辛苦大家了，每次都要等{name}一个人，咱们习惯就好"),
    ("b6", "abuse", "backbiting", "zh", "谁跟{name}一组谁倒霉，大家心里都有数"),
    ("b7", "abuse", "backbiting", "zh", "我要是{fail}，早就不好意思在群里说话了，某些人倒是挺自在"),
    ("b8", "abuse", "backbiting", "zh", "某人{act}的样子，活像刚学会走路的小孩"),
    ("q6", "abuse", "question_putdown", "zh", "{name}终于学会{act}了？太阳打西边出来了吧"),
    ("q7", "abuse", "question_putdown", "zh", "{name}你{act}之前有没有想过大家的感受"),
    ("y7", "abuse", "sarcastic_praise", "yue", "有{name}喺度，我哋永远唔使惊冇笑料"),
    ("y8", "abuse", "mock_polite", "yue", "真系多谢{name}，每次都俾我哋知道咩叫反面教材"),
    ("y9", "abuse", "backbiting", "yue", "{name}{ay}嘅样，我阿婆睇到都摇头"),
    ("t7", "abuse", "sarcastic_praise", "tw", "{name}不愧是你，每次都可以把简单的事情搞砸"),
    ("t8", "abuse", "sarcastic_praise", "tw", "有{name}在，我们的平均水准就很有进步空间了"),
    ("t9", "abuse", "mock_polite", "tw", "{name}要不要考虑换个兴趣？{act}好像真的不太适合你耶"),
    # ok: banter marked as a joke
    ("n1", "ok", "banter", "zh", "哈哈{name}你今天{fail}😂 下次我陪你练"),
    ("n2", "ok", "banter", "zh", "{name}你这个{work}笑死我了🤣 开玩笑的，其实进步很大"),
    ("n3", "ok", "banter", "zh", "哈哈哈{name}又{fail}了，没事没事，周末请你喝奶茶压压惊"),
    # ok: self-mockery
    ("n4", "ok", "self_deprecation", "zh", "我今天{fail}，我真是个废柴🤦 求大神带带"),
    ("n5", "ok", "self_deprecation", "zh", "我又{fail}了，手残本人实锤，大家别笑我"),
    # ok: a quoted insult reported
    ("n6", "ok", "report_quote", "zh", "有人私聊骂我“{quoted}”，截图发给群主了，大家遇到这种直接举报"),
    ("n7", "ok", "report_quote", "zh", "刚才有路人冲我们喊“{quoted}”，大家别理他，注意安全"),
    # ok: a complaint about a thing
    ("n8", "ok", "complaint_thing", "zh", "{thing}真是烂透了，根本没法用，能不能换一个"),
    ("n9", "ok", "complaint_thing", "zh", "这次{thing}太差劲了，我准备去投诉"),
    # ok: civil disagreement
    ("n10", "ok", "civil_disagreement", "zh", "我不同意{proposal}，{reason}，还是原来那样吧"),
    ("n11", "ok", "civil_disagreement", "zh", "{name}，我觉得{proposal}不太行，{reason}，我们再商量一下"),
    # ok: genuine praise and thanks
    ("n12", "ok", "praise", "zh", "{name}你今天{good}，太厉害了，什么时候偷偷练的"),
    ("n13", "ok", "praise", "zh", "{name}真的很有耐心，{teach}讲了好几遍都没嫌烦"),
    ("n14", "ok", "praise", "zh", "恭喜{name}这次{good}，实至名归"),
    # ok: a critique of the work, not the person
    ("n15", "ok", "critique_work", "zh", "{name}你的{work}前面很好，后半段可以再收一点"),
    ("n16", "ok", "question", "zh", "{name}你{act}的时候是怎么做到{good}的？教教我"),
    # ok: a plea, a polite request and agreement about something else
    ("n17", "ok", "plea_ok", "zh", "求求大家周末都来{act}，人少了没意思"),
    ("n18", "ok", "polite_request", "zh", "麻烦大家{act}之前先接龙，方便统计人数"),
    ("n19", "ok", "agree", "zh", "对对对你说得对，{proposal}确实不太合适，我下次注意"),
    # ok: round 48's second batch — the same openings in praise, encouragement and care
    ("n20", "ok", "praise", "zh", "{name}这次{good}，正好给新人当教材"),
    ("n21", "ok", "praise", "zh", "不愧是{name}，{good}"),
    ("n22", "ok", "praise", "zh", "有{name}在，我们{act}从来不冷场，太好了"),
    ("n23", "ok", "encouragement", "zh", "我刚开始{act}的时候也{fail}，别灰心，多练几次就好"),
    ("n24", "ok", "praise", "zh", "{name}要不要考虑带带新人？你{good}，大家都想学"),
    ("n25", "ok", "complaint_thing", "zh", "{thing}老是出问题，给大家添麻烦了，我去问问能不能换"),
    ("n26", "ok", "self_deprecation", "zh", "我要是有{name}一半的水平就好了，我到现在还{fail}"),
    ("z5", "ok", "praise", "yue", "有{name}喺度真系好，每次都帮大家执手尾"),
    ("w5", "ok", "praise", "tw", "{name}不愧是老手，{good}"),
    ("w6", "ok", "encouragement", "tw", "我剛開始也{fail}，不要灰心，多練幾次就好了"),
    # ok: praise first, then the one thing to improve (a critique, not sarcasm: the failing is small and a fix follows)
    ("n27", "ok", "critique_work", "zh", "{name}你的基础挺好的，就是{work}还可以再细一点，多练练就好"),
    ("n28", "ok", "critique_work", "zh", "你{act}的感觉挺对的，就是节奏稍微急了点，慢一点会更好"),
    ("n29", "ok", "critique_work", "zh", "{name}整体挺好的，就是{work}有一两处可以再调一下"),
    ("n30", "ok", "critique_work", "zh", "你的想法挺好的，就是{proposal}可能有点难，{reason}"),
    ("n31", "ok", "critique_work", "zh", "{name}进步挺大的，就是{fail}这个老毛病还得慢慢改"),
    ("z6", "ok", "critique_work", "yue", "你嘅基本功几好，就系{work}仲可以再执下"),
    ("w7", "ok", "critique_work", "tw", "你的基础很好耶，只是{work}还可以再细一点"),
    # ok: the group's own notices and asides that say 你 to everyone (带上你的…, 你懂的): no one is run down
    ("n32", "ok", "notice", "zh", "本周六照常{act}，老地方集合，带上你家多余的零食一起分享"),
    ("n33", "ok", "notice", "zh", "下周日{act}，地点看群公告，带上你的水杯和好心情"),
    ("n34", "ok", "ordinary", "zh", "{name}，你要的那个{thing}的资料我找到了，晚点发你"),
    ("n35", "ok", "ordinary", "zh", "{thing}怎么样？价格嘛，你懂的，就是贵"),
    ("n36", "ok", "ordinary", "zh", "你懂的，{thing}每次都这样，习惯就好"),
    ("z7", "ok", "notice", "yue", "今个礼拜六照旧{ay}，老地方等，记得带埋你啲嘢"),
    ("w8", "ok", "notice", "tw", "这周六照常{act}，老地方集合，记得带上你的水壶"),
    # ok: Cantonese
    ("z1", "ok", "banter", "yue", "哈哈{name}你今日{fy}，笑死我😂 下次继续"),
    ("z2", "ok", "self_deprecation", "yue", "我今日{fy}，真系废柴一个🤣"),
    ("z3", "ok", "praise", "yue", "多谢{name}，你真系好有心，每次都帮新人"),
    ("z4", "ok", "civil_disagreement", "yue", "我唔同意{proposal}，{reason}，不如照旧啦"),
    # ok: Taiwan Mandarin
    ("w1", "ok", "banter", "tw", "哈哈{name}你刚刚{fail}，我笑到肚子痛😂 下周我陪你练"),
    ("w2", "ok", "self_deprecation", "tw", "我练了好久还是{fail}，手残本人🤣"),
    ("w3", "ok", "praise", "tw", "{name}真的很有耐心，{teach}教了十遍都没生气"),
    ("w4", "ok", "complaint_thing", "tw", "{thing}真的很烂，用两次就坏了，大家别买"),
]

QUOTED = ["你这水平也配来", "滚回去练两年", "菜就别出来丢人", "你脑子进水了吧"]


def fill(frame: str, g: dict, rng: random.Random) -> str:
    return frame.format(name=rng.choice(g["name"]), act=g["act"], teach=g["teach"], fail=rng.choice(g["fail"]),
                        fy=g["fy"], ay=g["ay"], work=g["work"], good=g["good"], thing=g["thing"],
                        proposal=g["proposal"], reason=g["reason"], quoted=rng.choice(QUOTED))


def locked(frame_id: str) -> bool:
    """A frame held out whole from training (about one in five)."""
    return md5_fifth(frame_id)


def build() -> list[dict]:
    rng = random.Random(48)
    rows, seen = [], set()
    for fid, label, kind, script, frame in FRAMES:
        for group, g in GROUPS.items():
            text = fill(frame, g, rng)
            if script == "tw":
                text = opencc_plain(text, "s2twp")
            if text in seen:
                continue
            seen.add(text)
            rows.append({"text": text, "label": label, "group": group, "kind": kind, "script": script, "frame": fid,
                         "split": "locked" if locked(fid) else "train"})
    return rows


def main() -> int:
    rows = build()
    OUT.write_text("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows), encoding="utf-8")
    by = {}
    for r in rows:
        by[(r["split"], r["label"])] = by.get((r["split"], r["label"]), 0) + 1
    print(f"{OUT.name}: {len(rows)} lines; " + ", ".join(f"{k[0]} {k[1]} {v}" for k, v in sorted(by.items())))
    print("locked frames:", sorted({r["frame"] for r in rows if r["split"] == "locked"}))
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
