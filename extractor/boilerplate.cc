// Web boilerplate that yields no entities: comment forms, share buttons,
// copyright and cookie notices, newsletter boxes, and "related articles"
// blocks with the list of short headlines after them.
//
// A line is boilerplate when, with its punctuation removed, it starts with one
// of the phrases below and is short, or when all its words are share buttons.
// After a "related articles" line, the following lines go too as long as each
// is short (a list of headlines); a paragraph ends the block.
#include <algorithm>
#include <cctype>
#include <iterator>
#include <string>
#include <vector>

#include "khabar/gazetteer.h"
#include "names/person_lexicon.h"
#include "stages.h"

namespace khabar {
namespace {

// Normalized (ا for أ إ آ, ي for final ى); compared with ة folded to ه.
const char* const kLinePhrases[] = {
    "اضف تعليقا", "اضف تعليق", "اترك تعليقا", "اترك تعليق", "اترك ردا", "اترك رد", "التعليقات", "تعليقات",
    "اكتب تعليقا", "اكتب تعليقك", "لن يتم نشر عنوان بريدك", "لن يتم نشر بريدك", "الحقول الالزامية",
    "الحقول المطلوبة", "جميع الحقوق محفوظة", "كل الحقوق محفوظة", "حقوق النشر", "حقوق الطبع",
    "زر الذهاب الي الاعلي", "العودة الي الاعلي", "رابط مختصر", "الرابط المختصر", "شارك المقال",
    "شارك الخبر", "شارك هذا", "شارك علي", "شاركها", "مشاركة عبر", "انشر علي", "اشترك في النشرة",
    "اشترك في نشرتنا", "النشرة البريدية", "النشرة الاخبارية", "اشترك الان", "ملفات تعريف الارتباط",
    "نستخدم ملفات", "سياسة الخصوصية", "سياسة الاستخدام", "اقرا ايضا", "اقرا المزيد", "اقرا كذلك",
    "مقالات ذات صلة", "مقالات مشابهة", "مواضيع ذات صلة", "اخبار ذات صلة", "مواد ذات صلة", "ذات صلة",
    "قد يعجبك ايضا", "قد يهمك ايضا", "الاكثر قراءة", "الاكثر مشاهدة", "تابعونا علي", "تابعنا علي",
    "الاسم", "البريد الالكتروني", "الموقع الالكتروني", "احفظ اسمي", "ارسال التعليق", "ارسل التعليق",
    "التالي", "السابق", "الوسوم", "كلمات مفتاحية",
};

// Lines that open a list of related headlines.
const char* const kRelatedPhrases[] = {
    "اقرا ايضا", "اقرا كذلك", "مقالات ذات صلة", "مقالات مشابهة", "مواضيع ذات صلة", "اخبار ذات صلة",
    "مواد ذات صلة", "ذات صلة", "قد يعجبك ايضا", "قد يهمك ايضا", "الاكثر قراءة", "الاكثر مشاهدة",
};

// Share buttons, alone or in a row.
const char* const kShareWords[] = {
    "شارك", "شاركها", "مشاركة", "فيسبوك", "فايسبوك", "تويتر", "واتساب", "واتس", "اب", "تيليغرام", "تلغرام",
    "لينكدان", "انستغرام", "انستجرام", "يوتيوب", "ماسنجر", "بريد", "طباعة", "نسخ", "الرابط", "X",
    "Facebook", "Twitter", "WhatsApp", "Telegram", "LinkedIn", "Pinterest", "Email", "Print",
};

constexpr size_t kMaxBoilerplateWords = 14;
constexpr size_t kMaxHeadlineWords = 18;

struct Line {
  uint32_t begin = 0;
  uint32_t end = 0;
  // The first words: letters and digits only, joined by one space, ة folded.
  std::string key;
  size_t words = 0;  // words in `key`
};

// The line [begin, end) of `text` with at most `max_words` words in its key
// (so `words == max_words` means "that many or more").
Line ReadLine(std::string_view text, uint32_t begin, uint32_t end, size_t max_words) {
  Line line;
  line.begin = begin;
  line.end = end;
  bool space = false;
  size_t p = begin;
  while (p < end) {
    const size_t at = p;
    const char32_t c = text_util::Decode(text, &p);
    const bool keep = text_util::IsArabicLetter(c) || (c < 0x80 && std::isalnum(static_cast<unsigned char>(c)));
    if (!keep) {
      space = !line.key.empty();
      continue;
    }
    if (space || line.key.empty()) {
      if (line.words == max_words) break;
      ++line.words;
      if (space) line.key.push_back(' ');
    }
    space = false;
    line.key.append(text.data() + at, p - at);
  }
  Gazetteer::FoldKeys(&line.key);
  return line;
}

// The first word of the key of the line [begin, end) of `text`, as
// ReadLine(text, begin, end, 1) keys it, without building the key unless ة
// is there to fold (then in `*buffer`); empty when the line has no word.
std::string_view FirstWordKey(std::string_view text, uint32_t begin, uint32_t end, std::string* buffer) {
  size_t word_begin = end, word_end = end;
  size_t p = begin;
  while (p < end) {
    const size_t at = p;
    bool keep;
    const char32_t c = text_util::DecodeLetter(text, &p, &keep);
    keep = keep || (c < 0x80 && std::isalnum(static_cast<unsigned char>(c)));
    if (keep) {
      if (word_begin == end) word_begin = at;
      word_end = p;
    } else if (word_begin != end) {
      break;
    }
  }
  const std::string_view word = text.substr(word_begin, word_end - word_begin);
  if (word.find('\xA9') == std::string_view::npos) return word;
  buffer->assign(word.data(), word.size());
  Gazetteer::FoldKeys(buffer);
  return *buffer;
}

// Byte ranges of the lines of `text`.
std::vector<std::pair<uint32_t, uint32_t>> LineRanges(std::string_view text) {
  std::vector<std::pair<uint32_t, uint32_t>> lines;
  size_t pos = 0;
  while (pos <= text.size()) {
    size_t nl = text.find('\n', pos);
    if (nl == std::string_view::npos) nl = text.size();
    lines.emplace_back(static_cast<uint32_t>(pos), static_cast<uint32_t>(nl));
    pos = nl + 1;
  }
  return lines;
}

// Phrase and word lists as keys, computed once.
std::vector<std::string> Keys(const char* const* list, size_t n) {
  std::vector<std::string> keys;
  for (size_t i = 0; i < n; ++i) keys.push_back(Gazetteer::Key(list[i]));
  return keys;
}

const std::vector<std::string>& LinePhraseKeys() {
  static const std::vector<std::string> keys = Keys(kLinePhrases, std::size(kLinePhrases));
  return keys;
}

const std::vector<std::string>& RelatedPhraseKeys() {
  static const std::vector<std::string> keys = Keys(kRelatedPhrases, std::size(kRelatedPhrases));
  return keys;
}

const std::vector<std::string>& ShareWordKeys() {
  static const std::vector<std::string> keys = Keys(kShareWords, std::size(kShareWords));
  return keys;
}

// First words of every phrase and every share button: a line that starts
// with another word is not boilerplate, whatever follows.
const std::vector<std::string>& FirstWordKeys() {
  static const std::vector<std::string> keys = [] {
    std::vector<std::string> out;
    for (const std::vector<std::string>* list : {&LinePhraseKeys(), &ShareWordKeys()})
      for (const std::string& k : *list) out.push_back(k.substr(0, k.find(' ')));
    std::sort(out.begin(), out.end());
    out.erase(std::unique(out.begin(), out.end()), out.end());
    return out;
  }();
  return keys;
}

bool StartsWithPhrase(const std::string& key, const std::string& p) {
  return key.compare(0, p.size(), p) == 0 && (key.size() == p.size() || key[p.size()] == ' ');
}

bool StartsWithAny(const std::string& key, const std::vector<std::string>& phrases) {
  return std::any_of(phrases.begin(), phrases.end(),
                     [&](const std::string& p) { return StartsWithPhrase(key, p); });
}

// True when every word of the line (all in its key) is a share button.
bool AllShareWords(const Line& line) {
  if (line.words == 0) return false;
  const std::vector<std::string>& share = ShareWordKeys();
  std::string_view key = line.key;
  size_t pos = 0;
  while (pos <= key.size()) {
    size_t sp = key.find(' ', pos);
    if (sp == std::string_view::npos) sp = key.size();
    const std::string_view word = key.substr(pos, sp - pos);
    if (std::find(share.begin(), share.end(), word) == share.end()) return false;
    pos = sp + 1;
  }
  return true;
}

}  // namespace

void DropBoilerplate(const Analysis& analysis, std::vector<Candidate>* candidates) {
  const std::string_view text = analysis.text;
  const std::vector<std::pair<uint32_t, uint32_t>> lines = LineRanges(text);
  const std::vector<std::string>& first_words = FirstWordKeys();
  std::vector<std::pair<uint32_t, uint32_t>> dropped;  // byte ranges
  std::string buffer;  // for FirstWordKey
  for (size_t i = 0; i < lines.size(); ++i) {
    // Most lines are ruled out by their first word.
    const std::string_view first = FirstWordKey(text, lines[i].first, lines[i].second, &buffer);
    if (first.empty() || !std::binary_search(first_words.begin(), first_words.end(), first)) continue;
    const Line line = ReadLine(text, lines[i].first, lines[i].second, kMaxBoilerplateWords + 1);
    if (line.words > kMaxBoilerplateWords) continue;
    const bool boiler = AllShareWords(line) || StartsWithAny(line.key, LinePhraseKeys());
    if (!boiler) continue;
    const bool related = StartsWithAny(line.key, RelatedPhraseKeys());
    uint32_t end = line.end;
    if (related) {
      // The headlines after it, up to the first paragraph.
      size_t j = i + 1;
      for (; j < lines.size(); ++j) {
        if (ReadLine(text, lines[j].first, lines[j].second, kMaxHeadlineWords + 1).words > kMaxHeadlineWords) break;
        end = lines[j].second;
      }
      i = j - 1;
    }
    dropped.emplace_back(line.begin, end);
  }
  if (dropped.empty()) return;
  candidates->erase(std::remove_if(candidates->begin(), candidates->end(),
                                   [&](const Candidate& c) {
                                     for (const auto& [b, e] : dropped)
                                       if (c.begin >= b && c.end <= e) return true;
                                     return false;
                                   }),
                    candidates->end());
}

}  // namespace khabar
