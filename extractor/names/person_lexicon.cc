#include "names/person_lexicon.h"

#include "khabar/word_table.h"

#include "khabar/gazetteer.h"
#include "khabar/normalizer.h"
#include "khabar/rule_set.h"
#include "names/word_memo.h"

#include <algorithm>
#include <unordered_map>
#include <unordered_set>

namespace khabar {
namespace text_util {

std::string_view StripArticle(std::string_view word) {
  constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";  // ال
  if (StartsWith(word, kAl) && Letters(word) > 3) return word.substr(kAl.size());
  return word;
}

std::vector<WordSpan> LeadingWords(std::string_view text, size_t max_words) {
  std::vector<WordSpan> words;
  WordReader reader(text);
  for (size_t k = 0; k < max_words && k < WordReader::kMaxWords && reader.Has(k); ++k) {
    if (words.empty()) words.reserve(std::min(max_words, WordReader::kMaxWords));
    words.push_back(reader[k]);
  }
  return words;
}

bool WordReader::ReadNext() {
  if (done_ || count_ == kMaxWords || pos_ >= text_.size()) return false;
  WordSpan w;
  w.begin = pos_;
  const size_t p = LetterRunEnd(text_, pos_);
  if (p == pos_) {
    done_ = true;
    return false;
  }
  w.end = p;
  const size_t q = SkipSpacesAndTabs(text_, p);
  const bool next_is_letter = q > p && LetterAt(text_, q);
  w.closed = !next_is_letter;
  words_.at[count_++] = w;
  if (w.closed) done_ = true;
  pos_ = q;
  return true;
}

}  // namespace text_util

using text_util::EndsWith;
using text_util::Letters;
using text_util::StartsWith;
using text_util::StripArticle;

namespace {

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";    // ال
constexpr std::string_view kLam = "\xD9\x84";           // ل
constexpr std::string_view kLamLam = "\xD9\x84\xD9\x84";  // لل

// Endings a title loses in RoleWordForms, longest first.
constexpr std::string_view kRoleSuffixes[] = {
    "\xD8\xAA\xD9\x87\xD8\xA7",  // تها
    "\xD8\xAA\xD9\x87",          // ته
    "\xD9\x87\xD9\x85\xD8\xA7",  // هما
    "\xD9\x87\xD9\x85",          // هم
    "\xD9\x87\xD8\xA7",          // ها
    "\xD9\x8A\xD9\x86",          // ين
    "\xD9\x88\xD9\x86",          // ون
    "\xD8\xA9",                  // ة
    "\xD8\xA7",                  // ا
    "\xD9\x87",                  // ه
};

// The word of a title without the preposition or article before it (لل, ال
// or ل), or empty when none comes off.
std::string_view RoleBase(std::string_view word) {
  if (Letters(word) <= 3) return {};
  if (StartsWith(word, kLamLam)) return word.substr(kLamLam.size());
  if (StartsWith(word, kAl)) return word.substr(kAl.size());
  if (StartsWith(word, kLam)) return word.substr(kLam.size());  // the ل left of لل
  return {};
}

}  // namespace

std::vector<std::string> RoleWordForms(std::string_view word) {
  std::vector<std::string> forms;
  auto add = [&](std::string f) {
    if (f.empty()) return;
    for (const std::string& g : forms)
      if (g == f) return;
    forms.push_back(std::move(f));
  };
  for (const std::string_view b : {word, RoleBase(word)}) {
    if (b.empty()) continue;
    add(std::string(b));
    for (const std::string_view s : kRoleSuffixes) {
      if (EndsWith(b, s) && Letters(b) >= Letters(s) + 3) add(std::string(b.substr(0, b.size() - s.size())));
    }
  }
  return forms;
}

namespace {

// The stems of the adjectives of the countries and world regions of a
// gazetteer (ids cc:, wp:), folded (Gazetteer::FoldKeys), built once per
// thread and gazetteer: for each lookup key K of a place, the stems s whose
// forms in IsNationalityForm give K:
//   s = K          (the stem)              s = K - ال      (ال + the stem)
//   s = K - يا     (the adjective + ا)     s = K - ا       (the stem + ا)
//   s = K - ال - يه (ال + the adjective + ة, folded).
// Folding a form folds its stem alone: ة is two bytes D8 A9, and no form
// puts A9 right after the stem or D8 right before it.
const WordTable& NationalityStems(const Gazetteer* gazetteer) {
  thread_local const Gazetteer* built_for = nullptr;
  thread_local size_t built_size = 0;
  thread_local WordTable stems;
  if (built_for != gazetteer || built_size != gazetteer->size()) {
    stems = WordTable();
    constexpr std::string_view kAlef = "\xD8\xA7";                // ا
    constexpr std::string_view kYaAlef = "\xD9\x8A\xD8\xA7";      // يا
    constexpr std::string_view kYaHa = "\xD9\x8A\xD9\x87";        // يه
    auto add = [&](std::string_view stem) {
      if (!stem.empty()) stems.Insert(stem);
    };
    for (const GazetteerEntry& e : gazetteer->entries()) {
      // Views: their comparisons test the length first, without strlen.
      const std::string_view type = e.type, id = e.id;
      if (type != "LOC" || !(StartsWith(id, "cc:") || StartsWith(id, "wp:"))) continue;
      const std::string key = Gazetteer::Key(Normalizer::Default().NormalizeString(e.name));
      const std::string_view k = key;
      add(k);
      if (StartsWith(k, kAl)) add(k.substr(kAl.size()));
      if (EndsWith(k, kYaAlef)) add(k.substr(0, k.size() - kYaAlef.size()));
      if (EndsWith(k, kAlef)) add(k.substr(0, k.size() - kAlef.size()));
      if (k.size() >= kAl.size() + kYaHa.size() && StartsWith(k, kAl) && EndsWith(k, kYaHa))
        add(k.substr(kAl.size(), k.size() - kAl.size() - kYaHa.size()));
    }
    built_for = gazetteer;
    built_size = gazetteer->size();
  }
  return stems;
}

}  // namespace

// An adjective of nationality or origin (الفرنسي, الأمريكية, اللبناني,
// السعودي): `ال` + a stem + ي or ية where the stem, with the endings a place
// name takes (ا, يا, ال, ية), is a country or world region of the gazetteer
// (فرنسا, لبنان, السعودية, أوروبا); not a city (الرياضي is not from الرياض).
// The forms are stem, ال + stem, adjective + ا, stem + ا and ال + adjective +
// ة, all looked up at once as the stems they come from (NationalityStems).
bool PersonLexicon::IsNationalityForm(std::string_view word) const {
  if (gazetteer_ == nullptr || !StartsWith(word, kAl) || Letters(word) < 5) return false;
  constexpr std::string_view kYa = "\xD9\x8A";            // ي
  constexpr std::string_view kYaTa = "\xD9\x8A\xD8\xA9";  // ية
  std::string_view adjective = word.substr(kAl.size());
  if (EndsWith(adjective, kYaTa)) adjective.remove_suffix(kYaTa.size() - kYa.size());
  if (!EndsWith(adjective, kYa)) return false;
  std::string_view stem = adjective.substr(0, adjective.size() - kYa.size());
  if (Letters(stem) < 2) return false;
  thread_local std::string folded;
  if (std::memchr(stem.data(), '\xA9', stem.size()) != nullptr) {
    folded.assign(stem.data(), stem.size());
    Gazetteer::FoldKeys(&folded);
    stem = folded;
  }
  return NationalityStems(gazetteer_).Find(stem) != WordTable::kNotFound;
}

bool PersonLexicon::InClass(std::string_view cls, std::string_view word) const {
  return rules_ != nullptr && rules_->ClassValue(cls, word).has_value();
}

using names::WordMemo;

PersonLexicon::PersonLexicon(const Gazetteer* gazetteer, const RuleSet* rules)
    : gazetteer_(gazetteer), rules_(rules), data_key_(names::DataKey(gazetteer, rules)) {}

uint16_t PersonLexicon::Flags(std::string_view word) const {
  // 512 KB: tens of thousands of words come back over a few thousand
  // articles (names, mostly). A table twice as large computes a sixth fewer
  // of them again but leaves less of the cache to the rest of the work: with
  // a cache of 512 KB the whole run then misses it more often.
  thread_local WordMemo<uint16_t, 14> memo;
  return memo.Get(gazetteer_, rules_, data_key_, word, [this](std::string_view w) { return ComputeFlags(w); });
}

namespace {

// The keys of some classes as bits of a hash table without the keys (a
// Bloom filter with one hash): a word without blanks whose folded form (its
// key) has its bit clear is in none of the classes, found without the
// lookup of its key. 8 KB; for the few hundred keys of the person classes,
// about one word in a hundred passes by chance.
class KeyFilter {
 public:
  void Add(const RuleSet::Class* cls) {
    if (cls == nullptr) return;
    for (uint32_t id = 0; id < cls->keys.size(); ++id) {
      const std::string_view key = cls->keys.Word(id);
      // A key with a blank or a byte A9 is the key only of words with one
      // too, which MayHold lets through.
      uint64_t hash;
      if (PlainHash(key, &hash)) bits_[Bit(hash) / 64] |= uint64_t{1} << (Bit(hash) % 64);
    }
  }
  // False when the key of the normalized `word` is a key of none of the
  // classes added.
  bool MayHold(std::string_view word) const {
    uint64_t hash;
    if (!PlainHash(word, &hash) && !PlainHash(Folded(word), &hash)) return true;
    return (bits_[Bit(hash) / 64] >> (Bit(hash) % 64)) & 1;
  }

 private:
  static constexpr uint32_t kBits = 1 << 16;
  static uint32_t Bit(uint64_t hash) { return static_cast<uint32_t>(hash >> 48); }

  // `word` with ة folded to ه as in Gazetteer::FoldKeys, in a buffer per
  // thread.
  static std::string_view Folded(std::string_view word) {
    thread_local std::string folded;
    folded.assign(word.data(), word.size());
    Gazetteer::FoldKeys(&folded);
    return folded;
  }

  // Whether any byte of `v` is below 0x21 (blanks, line breaks) or is 0xA9
  // (the second byte of ة): exact for each (Bit Twiddling Hacks, hasless
  // and hasvalue).
  static bool FoldsOrBlanks(uint64_t v) {
    constexpr uint64_t kOnes = 0x0101010101010101ull, kHigh = 0x8080808080808080ull;
    const uint64_t x = v ^ (kOnes * 0xA9);
    return (((v - kOnes * 0x21) & ~v) | ((x - kOnes) & ~x)) & kHigh;
  }
  // Whether the word is its own lookup key (RuleSet folds ة and collapses
  // blanks; false, conservatively, when a byte is below 0x21 or is 0xA9),
  // and then its hash.
  static bool PlainHash(std::string_view word, uint64_t* hash) {
    const char* p = word.data();
    const size_t n = word.size();
    uint64_t v;
    for (size_t i = 0; i + 8 <= n; i += 8) {
      std::memcpy(&v, p + i, 8);
      if (FoldsOrBlanks(v)) return false;
    }
    if (n % 8 != 0) {
      v = 0x8080808080808080ull;  // bytes neither blank nor A9 past the word's end
      std::memcpy(&v, p + n - n % 8, n % 8);
      if (FoldsOrBlanks(v)) return false;
    }
    *hash = WordTable::Hash(word);
    return true;
  }

  uint64_t bits_[kBits / 64] = {};
};

// The classes ComputeFlags asks about, found once per thread and rule set.
struct PersonClasses {
  const RuleSet::Class* given_common = nullptr;
  const RuleSet::Class* particle = nullptr;
  const RuleSet::Class* name_suffix = nullptr;
  const RuleSet::Class* stop_inside = nullptr;
  const RuleSet::Class* honorific = nullptr;
  const RuleSet::Class* title = nullptr;
  const RuleSet::Class* intro = nullptr;
  const RuleSet::Class* stop = nullptr;
  const RuleSet::Class* role_canonical = nullptr;
  // Bit n set when a key of name_suffix is n bytes long (bit 63: longer).
  uint64_t name_suffix_sizes = 0;
  // Bit b set when a key of name_suffix ends with a byte whose low six bits
  // are b.
  uint64_t name_suffix_last_bytes = 0;
  // The same for the second byte of the keys (the first Arabic letter's).
  uint64_t name_suffix_second_bytes = 0;
  KeyFilter person_keys;   // of the person_* classes above but name_suffix
  KeyFilter stop_keys;     // of person_stop
  KeyFilter title_keys;    // of role_canonical
  KeyFilter suffix_keys;   // of person_name_suffix
};

const PersonClasses& ClassesOf(const RuleSet& rules) {
  thread_local uint64_t found_for = 0;
  thread_local PersonClasses classes;
  if (found_for != rules.instance()) {
    classes = PersonClasses();
    classes.given_common = rules.FindClass("person_given_common");
    classes.particle = rules.FindClass("person_particle");
    classes.name_suffix = rules.FindClass("person_name_suffix");
    classes.stop_inside = rules.FindClass("person_stop_inside");
    classes.honorific = rules.FindClass("person_honorific");
    classes.title = rules.FindClass("person_title");
    classes.intro = rules.FindClass("person_intro");
    classes.stop = rules.FindClass("person_stop");
    classes.role_canonical = rules.FindClass("role_canonical");
    if (const RuleSet::Class* suffixes = classes.name_suffix)
      for (uint32_t id = 0; id < suffixes->keys.size(); ++id) {
        const std::string_view key = suffixes->keys.Word(id);
        classes.name_suffix_sizes |= uint64_t{1} << std::min<size_t>(key.size(), 63);
        if (!key.empty()) classes.name_suffix_last_bytes |= uint64_t{1} << (static_cast<unsigned char>(key.back()) & 0x3F);
        if (key.size() >= 2) classes.name_suffix_second_bytes |= uint64_t{1} << (static_cast<unsigned char>(key[1]) & 0x3F);
      }
    for (const RuleSet::Class* cls : {classes.given_common, classes.particle, classes.stop_inside, classes.honorific,
                                      classes.title, classes.intro, classes.stop})
      classes.person_keys.Add(cls);
    classes.stop_keys.Add(classes.stop);
    classes.title_keys.Add(classes.role_canonical);
    classes.suffix_keys.Add(classes.name_suffix);
    found_for = rules.instance();
  }
  return classes;
}

}  // namespace

uint16_t PersonLexicon::ComputeFlags(std::string_view word) const {
  uint16_t f = 0;
  if (gazetteer_ != nullptr) {
    const uint32_t types = gazetteer_->WordTypes(word, {"GIVEN_NAME", "FAMILY_NAME"});
    if (types & 1) f |= kGiven;
    if (types & 2) f |= kFamily;
  }
  if (rules_ == nullptr) return f;
  const PersonClasses& c = ClassesOf(*rules_);
  const auto* held = c.person_keys.MayHold(word) ? rules_->ClassesHolding(word) : nullptr;
  if (held != nullptr) {
    for (const RuleSet::Class* cls : *held) {
      if (cls == c.given_common) f |= kCommon;
      if (cls == c.particle) f |= kParticle;
      if (cls == c.stop_inside) f |= kStopInside;
      if (cls == c.honorific) f |= kHonorific;
      if (cls == c.title) f |= kTitle;
      if (cls == c.intro) f |= kIntro;
      if (cls == c.stop) f |= kListedStop;
    }
  }
  std::string_view bare = StripArticle(word);
  if (bare.size() != word.size() && c.stop_keys.MayHold(bare))
    if (const auto* held = rules_->ClassesHolding(bare))
      if (std::find(held->begin(), held->end(), c.stop) != held->end()) f |= kListedStop;
  if ((StartsWith(word, kAl) || !(f & kGiven)) && IsRoleForm(word)) f |= kRole;
  return f;
}

// Whether one of the RoleWordForms of `word` is a title of role_canonical,
// tried without building the forms.
bool PersonLexicon::IsRoleForm(std::string_view word) const {
  const PersonClasses& classes = ClassesOf(*rules_);
  const RuleSet::Class* titles = classes.role_canonical;
  auto title = [&](std::string_view form) {
    return !form.empty() && classes.title_keys.MayHold(form) && rules_->ClassValue(titles, form).has_value();
  };
  if (titles == nullptr) return false;
  for (const std::string_view b : {word, RoleBase(word)}) {
    if (b.empty()) continue;
    // Every form of `b` starts with its first two letters: when no title
    // does (and no ة there needs folding), none of them is one.
    if (b.size() >= 4 && b.substr(0, 4).find('\xA9') == std::string_view::npos && !titles->pairs.MayHold(b)) continue;
    if (title(b)) return true;
    const size_t letters = Letters(b);
    if (letters < 4) continue;  // every ending leaves three letters at least
    // Every ending ends with ا, ة, ه, م or ن.
    const std::string_view last = b.substr(b.size() - 2);
    if (last != "\xD8\xA7" && last != "\xD8\xA9" && last != "\xD9\x87" && last != "\xD9\x85" &&
        last != "\xD9\x86")
      continue;
    for (const std::string_view s : kRoleSuffixes) {
      // The endings are Arabic letters of two bytes each.
      if (EndsWith(b, s) && letters >= s.size() / 2 + 3 && title(b.substr(0, b.size() - s.size()))) return true;
    }
  }
  return false;
}

bool PersonLexicon::IsNameSuffix(std::string_view word) const {
  if (rules_ == nullptr) return false;
  const PersonClasses& classes = ClassesOf(*rules_);
  // The key of a word without blanks is as long as the word (ة and its
  // folded ه both take two bytes) and ends with the same byte unless that is
  // A9 (ة); its second byte is the word's unless ة folds there (A9 at the
  // second or third byte). Most words are turned away by length, by their
  // last or second byte or by the filter of the keys.
  if (!((classes.name_suffix_sizes >> std::min<size_t>(word.size(), 63)) & 1)) return false;
  if (!word.empty()) {
    const unsigned char last = static_cast<unsigned char>(word.back());
    if (last > 0x20 && last != 0xA9 && !((classes.name_suffix_last_bytes >> (last & 0x3F)) & 1)) return false;
  }
  if (word.size() >= 3) {
    const unsigned char second = static_cast<unsigned char>(word[1]);
    if (second != 0xA9 && static_cast<unsigned char>(word[2]) != 0xA9 &&
        !((classes.name_suffix_second_bytes >> (second & 0x3F)) & 1))
      return false;
  }
  if (!classes.suffix_keys.MayHold(word)) return false;
  return rules_->ClassValue(classes.name_suffix, word).has_value();
}

bool PersonLexicon::IsGiven(std::string_view word) const { return Flags(word) & kGiven; }
bool PersonLexicon::IsFamily(std::string_view word) const { return Flags(word) & kFamily; }
bool PersonLexicon::IsCommonGiven(std::string_view word) const { return Flags(word) & kCommon; }
bool PersonLexicon::IsParticle(std::string_view word) const { return Flags(word) & kParticle; }
bool PersonLexicon::IsStopInside(std::string_view word) const { return Flags(word) & kStopInside; }
bool PersonLexicon::IsHonorific(std::string_view word) const { return Flags(word) & kHonorific; }
bool PersonLexicon::IsTitle(std::string_view word) const { return Flags(word) & kTitle; }
bool PersonLexicon::IsRoleWord(std::string_view word) const { return Flags(word) & kRole; }
bool PersonLexicon::IsListedStop(std::string_view word) const { return Flags(word) & kListedStop; }
bool PersonLexicon::IsNationality(std::string_view word) const {
  // Cached apart from the other flags: most words asked here are adjectives
  // asked nothing else (a few thousand of them).
  thread_local WordMemo<uint8_t, 12> memo;
  return memo.Get(gazetteer_, rules_, data_key_, word, [this](std::string_view w) { return IsNationalityForm(w); });
}

bool PersonLexicon::IsStop(std::string_view word) const { return Info(word).stop(); }

std::optional<std::string> PersonLexicon::RoleCanonical(std::string_view title) const {
  // The same titles come back in every article; an answer tries up to a
  // few dozen combinations of word forms. A thousand titles or so.
  thread_local WordMemo<std::optional<std::string>, 11> memo;
  return memo.Get(gazetteer_, rules_, data_key_, title, [this](std::string_view t) { return ComputeRoleCanonical(t); });
}

std::optional<std::string> PersonLexicon::ComputeRoleCanonical(std::string_view title) const {
  if (rules_ == nullptr) return std::nullopt;
  std::vector<std::vector<std::string>> words;
  for (const text_util::WordSpan& w : text_util::LeadingWords(title, 8)) {
    std::vector<std::string> forms = RoleWordForms(title.substr(w.begin, w.end - w.begin));
    bool ordinal = false;
    for (const std::string& f : forms) ordinal |= InClass("role_ordinal", f);
    if (!ordinal) words.push_back(std::move(forms));
  }
  if (words.empty() || words.size() > 4) return std::nullopt;
  std::vector<size_t> pick(words.size(), 0);
  std::string key;
  while (true) {
    key.clear();
    for (size_t i = 0; i < words.size(); ++i) {
      if (i) key += ' ';
      key += words[i][pick[i]];
    }
    if (auto v = rules_->ClassValue("role_canonical", key)) return std::string(*v);
    // Next combination (the last word varies fastest).
    size_t i = words.size();
    bool advanced = false;
    while (i > 0 && !advanced) {
      --i;
      if (++pick[i] < words[i].size()) advanced = true;
      else pick[i] = 0;
    }
    if (!advanced) return std::nullopt;
  }
}

}  // namespace khabar
