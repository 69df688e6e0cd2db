import Planner
import Store

/// The words demo facts are made of: project names, surnames, given names, hobbies, pets, needs.
enum DemoWords {
  static let projectHeads = [
    "翠湖", "锦绣", "金桂", "紫荆", "碧水", "云山", "星河", "阳光", "枫林", "春晓", "御景", "香榭", "海棠", "青橙",
    "兰亭", "天悦", "滨江", "梧桐", "观澜", "东方",
  ]
  static let projectTails = ["花园", "华庭", "名苑", "雅居", "府", "公馆", "新城", "家园", "湾", "壹号"]
  static let surnames = Array("王李张刘陈杨黄赵吴周徐孙马朱胡郭何高林罗郑梁谢宋唐许韩冯邓曹彭曾肖田董潘袁蔡蒋余于杜叶程")
  static let givenNames = Array("伟芳娜敏静丽强磊军洋勇艳杰娟涛明超秀霞平刚桂英华玉兰红建国志文斌浩宇欣怡子涵梓轩")
  static let families = ["夫妻二人", "三口之家", "夫妻+两孩", "与父母同住", "独居", "夫妻+一孩+老人"]
  static let hobbies = ["钓鱼", "广场舞", "书法", "摄影", "跑步", "烘焙", "园艺", "乒乓球", "读书"]
  static let pets = ["一只猫", "一只泰迪", "金毛犬", "两只猫", "鹦鹉"]
  static let needs: [(String, String)] = [
    ("地下车库照明不足", "facilities"), ("希望增加充电桩", "parking"), ("楼道保洁不及时", "cleaning"),
    ("夜间有装修噪音", "noise"), ("门禁卡失灵", "security"), ("草坪需要修剪", "greening"),
    ("物业费缴纳方式咨询", "fees"), ("水管漏水需维修", "repairs"), ("希望组织亲子活动", "special-services"),
    ("宠物粪便未清理", "pets"),
  ]
  static let dimensions = ["overall", "cleaning", "greening", "security", "repairs", "staff-attitude"]
}
