/** A knowledge base of ten voice-assistant commands, and new commands for it: the short, slot-filled content xsid-zh is made of. */
import type { Entry, KnowledgeBase } from '../src/types.ts';

export const entry = (id: string, [question, ...alternates]: string[]): Entry => ({ id, question: question!, alternates, keywords: [], answer: `Answer for ${id}`, followUps: [], topic: 'test' });
export const kbOf = (entries: Entry[]): KnowledgeBase => ({ entries, synonyms: [], flows: [], welcome: [] });

// Voice-assistant style commands: short, and most of each one is a name or a time no other phrasing repeats, so a
// new command scores low against every entry, the right one included.
export const COMMANDS = kbOf([
  entry('play-music', ['播放Adele的歌', '我想听Queen的音乐', '放一首Beyond的歌', '播放周杰伦的专辑', '来点Taylor Swift的音乐']),
  entry('add-playlist', ['把这首歌加到我的跑步歌单', '将Hello加入健身播放列表', '添加晴天到我的最爱歌单', '把Yellow加到睡前歌单里', '这首歌加入我的歌单']),
  entry('set-alarm', ['定一个早上七点的闹钟', '设置闹钟为下午三点', '明早六点半叫醒我', '帮我设个八点的闹钟', '设置周一上午九点的闹钟']),
  entry('cancel-alarm', ['取消明天早上的闹钟', '关掉所有闹钟', '删除七点的闹钟', '取消周末的闹钟', '把下午的闹钟关了']),
  entry('weather', ['北京明天天气怎么样', '今天会下雨吗', '上海周末冷不冷', '明天需要带伞吗', '广州今天多少度']),
  entry('set-reminder', ['提醒我明天交房租', '下午五点提醒我去接孩子', '周五提醒我给妈妈打电话', '提醒我晚上吃药', '设置提醒明天早上开会']),
  entry('book-restaurant', ['帮我订一家川菜馆', '预订今晚六个人的位子', '订明天中午的火锅店', '在附近订一家日料店', '预订周六晚上两个人的餐厅']),
  entry('movie-times', ['流浪地球几点放映', '附近电影院今晚有什么电影', '万达影城的排片表', '哪吒明天的场次', '查一下电影放映时间']),
  entry('rate-book', ['给三体打五颗星', '把活着评为四分', '给这本书打两星', '评分围城为满分', '给红楼梦打三分']),
  entry('find-book', ['找一本叫平凡的世界的书', '搜索白夜行这本小说', '帮我找边城这本书', '查找名为追风筝的人的书', '搜一下百年孤独']),
]);

/** Commands none of the phrasings holds, each about one of the ten entries. */
export const NEW_COMMANDS = ['放一首Coldplay的歌', '设置晚上十点的闹钟', '杭州后天天气怎么样', '提醒我周日去超市', '我想听五月天', '成都冷吗', '关闭闹钟', '给挪威的森林打四星', '找一本叫围城的书', '订一家烤肉店', '后天下雪吗', '叫醒我', '把稻香加到歌单', '今晚有什么片子', '提醒我买牛奶', '深圳会刮台风吗', '来首歌'];
