#include "names/person_name.h"

#include <vector>

#include "khabar/normalizer.h"
#include "khabar/rule_set.h"

namespace khabar {
namespace {

using text_util::EndsWith;
using text_util::Letters;
using text_util::StartsWith;
using text_util::WordSpan;

constexpr std::string_view kAl = "\xD8\xA7\xD9\x84";          // ال
constexpr std::string_view kAbd = "\xD8\xB9\xD8\xA8\xD8\xAF";  // عبد
constexpr std::string_view kAldin = "\xD8\xA7\xD9\x84\xD8\xAF\xD9\x8A\xD9\x86";  // الدين
constexpr std::string_view kAllah = "\xD8\xA7\xD9\x84\xD9\x84\xD9\x87";          // الله
constexpr std::string_view kYa = "\xD9\x8A";    // ي
constexpr std::string_view kTa = "\xD8\xAA";    // ت
constexpr std::string_view kNun = "\xD9\x86";   // ن
constexpr std::string_view kWaw = "\xD9\x88";   // و
constexpr std::string_view kBa = "\xD8\xA8";    // ب
constexpr std::string_view kLam = "\xD9\x84";   // ل
constexpr std::string_view kFa = "\xD9\x81";    // ف
constexpr std::string_view kKaf = "\xD9\x83";   // ك
constexpr std::string_view kAlef = "\xD8\xA7";  // ا
constexpr std::string_view kOw = "\xD8\xA7\xD9\x88";   // او (أو)
constexpr std::string_view kBen = "\xD8\xA8\xD9\x86";  // بن
constexpr std::string_view kBou = "\xD8\xA8\xD9\x88";  // بو
constexpr std::string_view kBel = "\xD8\xA8\xD9\x84";  // بل

enum class UnitKind { kGiven, kCompound, kParticle, kFamily, kAl, kOther };

struct Unit {
  size_t first = 0;
  size_t last = 0;
  UnitKind kind = UnitKind::kOther;
  bool common = false;  // a given name that is also an everyday word
  bool preposition = false;  // علي, also the preposition على
};

bool VerbLike(std::string_view w) {
  return (StartsWith(w, kYa) || StartsWith(w, kTa) || StartsWith(w, kNun)) && Letters(w) >= 4;
}

// An imperfect verb in the third person (يشكر), also after ل س و ف (ليشكر,
// سيتم, وتعمل); not a nisba. Names start with ت and ن too (تسنيم, نايلة).
bool VerbWithPrefix(std::string_view w) {
  if (EndsWith(w, kYa) || EndsWith(w, "\xD8\xA9")) return false;  // ي, ة: not a verb
  const bool ya = StartsWith(w, kYa);
  const bool prefix = StartsWith(w, kLam) || StartsWith(w, "\xD8\xB3") || StartsWith(w, kWaw) || StartsWith(w, kFa);
  // The letters are counted only for a word that may be a verb.
  if ((!ya && !prefix) || Letters(w) < 4) return false;
  return ya || VerbLike(w.substr(2));
}

bool CliticLike(std::string_view w) {
  return StartsWith(w, kWaw) || StartsWith(w, kBa) || StartsWith(w, kLam) || StartsWith(w, kFa) ||
         StartsWith(w, kKaf);
}

// وال بال فال كال لل: a noun with a preposition or conjunction and the article.
// The letters are counted last: most words fail the byte tests.
bool CliticArticle(std::string_view w) {
  const bool prefix = StartsWith(w, "\xD9\x84\xD9\x84") ||  // لل
                      ((StartsWith(w, kWaw) || StartsWith(w, kBa) || StartsWith(w, kFa) || StartsWith(w, kKaf)) &&
                       StartsWith(w.substr(2), kAl));
  return prefix && Letters(w) >= 4;
}

bool Feminine(std::string_view w) {
  return EndsWith(w, "\xD8\xA9") || EndsWith(w, "\xD8\xA7\xD8\xAA");  // ة, ات
}

// Nisba surnames: العلوي, الحسني.
bool Nisba(std::string_view w) { return EndsWith(w, kYa) && Letters(w) >= 5; }

// Surnames without the article as the Maghreb writes them: أوبلعيد, بنعمرو,
// بوعافية, بلقاسمي, حمداني, لحلو.
// With `strict`, a final ي is not enough (after ى -> ي, مستوى and أخرى end
// with it too).
bool SurnameShape(std::string_view w, bool strict = false) {
  const size_t n = Letters(w);
  // A pronoun ending (بلائهم) is not part of a name.
  if (EndsWith(w, "\xD9\x87\xD9\x85") || EndsWith(w, "\xD9\x83\xD9\x85") || EndsWith(w, "\xD9\x87\xD8\xA7") ||
      EndsWith(w, "\xD9\x86\xD8\xA7"))
    return false;
  if (StartsWith(w, kOw) && n >= 5) return true;
  if ((StartsWith(w, kBen) || StartsWith(w, kBou) || StartsWith(w, kBel)) && n >= 5) return true;
  if (EndsWith(w, kWaw) && n >= 4 && !VerbLike(w)) return true;
  // Amazigh إد (إدبوبكر), not a feminine or plural noun (إدارات).
  if (StartsWith(w, "\xD8\xA7\xD8\xAF") && n >= 6 && !EndsWith(w, "\xD8\xA9") && !EndsWith(w, "\xD8\xA7\xD8\xAA") &&
      !EndsWith(w, "\xD9\x8A\xD9\x86") && !EndsWith(w, "\xD9\x88\xD9\x86"))
    return true;
  if (EndsWith(w, "\xD8\xA7\xD9\x88\xD9\x8A") && n >= 5) return true;  // اوي
  if (!strict && EndsWith(w, kYa) && n >= 4 && !VerbLike(w)) return true;
  return false;
}

// A glued compound given name: عبدالله, نورالدين.
// (The letters are counted only for a word with one of the parts.)
bool GluedCompound(std::string_view w) {
  return (StartsWith(w, kAbd) && Letters(w) >= 6) || (EndsWith(w, kAldin) && Letters(w) >= 7) ||
         (EndsWith(w, kAllah) && Letters(w) >= 6 && !CliticArticle(w));
}

// A word the lists do not know that may be a foreign name (جورج, لافروف,
// بوش): not a clitic word (ل و ف ك, ب before the article), not an imperfect
// verb, not a short accusative (عزما) or a feminine noun (ضرورة, السلطات).
// After the first word, ل starts a surname as often as ب does (لحود); ف and
// ك start foreign names (فرانك, كارل) more often than they are clitics.
bool ForeignLike(std::string_view w, bool first) {
  if ((first && StartsWith(w, kLam)) || StartsWith(w, kWaw)) return false;
  if ((StartsWith(w, kBa) || StartsWith(w, kLam) || StartsWith(w, kFa) || StartsWith(w, kKaf)) &&
      StartsWith(w.substr(kBa.size()), kAl))
    return false;
  // A pronoun ending (دراسته, بلادها, قواتهم).
  if (EndsWith(w, "\xD9\x87") || EndsWith(w, "\xD9\x87\xD8\xA7") || EndsWith(w, "\xD9\x87\xD9\x85")) return false;
  if (EndsWith(w, kAlef) && Letters(w) <= 4) return false;
  if (first && EndsWith(w, kYa) && Letters(w) == 3) return false;  // سعى, نفى, رأى
  // An imperfect verb (يقول, ليقول, ستقوم); ف before one is rarer than names
  // that start with في (فيكتور).
  const bool verb = VerbWithPrefix(w) && !StartsWith(w, kFa);
  return !verb && !Feminine(w) && Letters(w) >= 3;
}

bool AcceptFirst(const Unit& u, std::string_view w, NameEvidence evidence) {
  if (evidence == NameEvidence::kForeign) {
    if (u.preposition) return false;  // على
    if (u.kind == UnitKind::kOther) return ForeignLike(w, /*first=*/true);
    return u.kind != UnitKind::kAl;
  }
  switch (u.kind) {
    case UnitKind::kGiven:
    case UnitKind::kCompound:
      return true;
    case UnitKind::kParticle:
      return evidence != NameEvidence::kNone;
    case UnitKind::kFamily:
      return evidence == NameEvidence::kStrong || evidence == NameEvidence::kAfterRole;
    case UnitKind::kAl:
      return false;
    case UnitKind::kOther:
      if (evidence == NameEvidence::kStrong) return !VerbWithPrefix(w);
      if (EndsWith(w, kAlef)) return false;
      // After a title and its organization: a given name missing from the
      // lists, when a second name word follows (checked by the caller).
      // (ل ب ك: a preposition, as in خلفا للطاقم).
      return evidence == NameEvidence::kAfterRole && !Feminine(w) && !VerbWithPrefix(w) && !StartsWith(w, kLam) &&
             !StartsWith(w, kBa) && !StartsWith(w, kKaf);
  }
  return false;
}

bool AcceptNext(const Unit& u, size_t position, std::string_view w, NameEvidence evidence, const Unit& first) {
  const bool first_common = first.common;
  if (evidence == NameEvidence::kForeign) {
    // A later word in the accusative (هجوما) is the object of a verb.
    if (u.kind == UnitKind::kOther) return ForeignLike(w, /*first=*/false) && !EndsWith(w, kAlef);
    // An `ال` word after a given name that is also an everyday word is a
    // phrase (نور الشمس) unless it reads as a nisba.
    if (u.kind == UnitKind::kAl) return position == 1 ? !Feminine(w) && (!first.common || Nisba(w)) : Nisba(w);
    return true;
  }
  switch (u.kind) {
    case UnitKind::kGiven:
    case UnitKind::kCompound:
      if (first.preposition && evidence != NameEvidence::kStrong && position == 1) return false;
      // After a given name that is also an everyday word (أشرف حيدر: a verb
      // and its subject), a second given name is no evidence.
      return !(evidence == NameEvidence::kNone && first_common && position == 1);
    case UnitKind::kParticle:
    case UnitKind::kFamily:
      return true;
    case UnitKind::kAl:
      if (position >= 2) return Nisba(w);
      // على + noun: after ى -> ي the noun often ends like a nisba (على المستوى).
      if (first.preposition && evidence != NameEvidence::kStrong) return false;
      if (Feminine(w) && evidence != NameEvidence::kStrong) return false;  // المستفيدات, العملية
      if (evidence == NameEvidence::kAfterRole && first.kind == UnitKind::kOther) return Nisba(w);
      if ((evidence == NameEvidence::kNone || evidence == NameEvidence::kTitle) && first_common) return Nisba(w);
      // Without context, a given name and an `ال` noun are mostly a phrase
      // (حبيب الروح, أسماء الضحايا); an `ال` surname then needs the nisba form.
      if (evidence == NameEvidence::kNone) return Nisba(w);
      return true;
    case UnitKind::kOther:
      if (first.preposition && evidence != NameEvidence::kStrong) return SurnameShape(w, /*strict=*/true);
      if (SurnameShape(w, /*strict=*/evidence == NameEvidence::kNone && first_common)) return true;
      if (position >= 2 || evidence == NameEvidence::kNone) return false;
      if (EndsWith(w, kAlef)) return false;  // accusative: رئيسا, وفدا
      // Two unknown words after a title are as likely a phrase (ممثلي عدد).
      if (evidence == NameEvidence::kAfterRole && first.kind == UnitKind::kOther) return false;
      if (evidence == NameEvidence::kStrong) return !VerbWithPrefix(w);
      // After a given name and a title, foreign surnames start with ب or ل too (بوش).
      if (first.kind == UnitKind::kGiven && !first_common)
        return !VerbLike(w) && !StartsWith(w, kWaw) && !StartsWith(w, kFa);
      return !CliticLike(w) && !VerbLike(w);
  }
  return false;
}

}  // namespace

bool LooksLikeSurname(std::string_view word) { return SurnameShape(word); }

bool OpensClause(std::string_view rest, const PersonLexicon& lexicon) {
  const size_t p = SkipSpacesAndTabs(rest, 0);
  if (p == rest.size()) return false;
  size_t q = p;
  const char32_t c = text_util::Decode(rest, &q);
  if (c == 0x060C || c == ',' || c == ':' || c == 0x061B || c == ';' || c == '"' || c == '\'' || c == 0x00AB ||
      c == 0x201C || c == '(')
    return true;
  text_util::WordReader words(rest.substr(p));
  if (!words.Has(0) || lexicon.rules() == nullptr) return false;
  const std::string_view word = rest.substr(p + words[0].begin, words[0].end - words[0].begin);
  // A title of office in apposition (وقال X مدير الشركة إن).
  return lexicon.rules()->ClassValue("person_speech_after", word).has_value() || lexicon.IsRoleWord(word);
}


size_t ScanPersonName(std::string_view text, NameEvidence evidence, const PersonLexicon& lex, bool whole,
                      bool strict) {
  ScannedWords words(text, lex);
  return ScanPersonName(&words, evidence, lex, whole, strict);
}

size_t ScanPersonName(ScannedWords* scanned, NameEvidence evidence, const PersonLexicon& lex, bool whole,
                      bool strict) {
  ScannedWords& words = *scanned;
  const std::string_view text = words.text();
  auto word = [&](size_t k) { return words.Word(k); };
  // At most four units, kept without allocation; a unit is set only when
  // pushed (most names end after one or two).
  struct Units {
    union Items {
      Items() {}
      Unit at[4];
    } items;
    size_t n = 0;
    size_t size() const { return n; }
    bool empty() const { return n == 0; }
    const Unit& operator[](size_t k) const { return items.at[k]; }
    const Unit& back() const { return items.at[n - 1]; }
    void push_back(const Unit& u) { items.at[n++] = u; }
  } units;
  size_t i = 0;
  // The next word is asked only whether it ends a compound (a small list),
  // not all about it: a name mostly ends before it, and the first question
  // about a new word is the costly one.
  PersonLexicon::Word info;
  while (units.size() < 4 && words.Has(i)) {
    const std::string_view w = word(i);
    info = words.Info(i);
    // The next word is read only when a compound may take it: a stop word
    // ends the name without it.
    auto has_next = [&] { return !words[i].closed && words.Has(i + 1); };
    Unit u;
    u.first = u.last = i;
    if (info.particle()) {
      // The word after a particle is part of the name (عبد الكريم, أيت الحاج)
      // unless it is a function word.
      if (!has_next() || (words.Info(i + 1).listed_stop() && !StartsWith(word(i + 1), kAl))) break;
      u.last = i + 1;
      u.kind = w == kAbd ? UnitKind::kCompound : UnitKind::kParticle;
    } else if (!info.stop() && has_next() && lex.IsNameSuffix(word(i + 1))) {
      u.last = i + 1;
      u.kind = UnitKind::kCompound;
    } else if (GluedCompound(w) && !info.stop()) {
      u.kind = UnitKind::kCompound;
      u.common = strict;
    } else if (info.listed_stop() || (!units.empty() && info.stop_inside())) {
      break;
    } else if (info.given()) {
      u.kind = UnitKind::kGiven;
      u.common = strict || info.common_given();
      u.preposition = info.stop_inside();
    } else if (info.family()) {
      u.kind = UnitKind::kFamily;
    } else if (info.stop() || CliticArticle(w)) {
      break;
    } else if (StartsWith(w, kAl) && Letters(w) >= 4) {
      u.kind = UnitKind::kAl;
    } else if (Letters(w) <= 2) {
      break;  // تم, قد: too short for a name the lists do not know
    } else {
      u.kind = UnitKind::kOther;
    }
    bool ok = units.empty() ? AcceptFirst(u, w, evidence)
                            : AcceptNext(u, units.size(), word(u.last), evidence, units[0]);
    // Without context, a feminine noun that happens to be a given name and an
    // `ال` word make an ordinary phrase (زيارة العمل).
    if (ok && units.size() == 1 && evidence == NameEvidence::kNone && u.kind == UnitKind::kAl &&
        !Nisba(word(u.last)) && Feminine(word(units[0].first)))
      ok = false;
    if (!ok) break;
    units.push_back(u);
    i = u.last + 1;
    if (words[u.last].closed) break;
  }
  if (units.empty()) return 0;
  const Unit& first = units[0];
  switch (evidence) {
    case NameEvidence::kNone:
      if (units.size() < 2) return 0;
      break;
    case NameEvidence::kTitle:
      if (units.size() < 2 && (first.common || first.kind == UnitKind::kParticle)) return 0;
      break;
    case NameEvidence::kAfterRole:
      if (units.size() < 2 && (first.common || first.kind == UnitKind::kOther)) return 0;
      break;
    case NameEvidence::kForeign:
      break;
    case NameEvidence::kStrong:
      // وعدد, بكلمة: a word with a conjunction or preposition alone.
      if (units.size() < 2 && first.kind == UnitKind::kOther && CliticLike(text.substr(words[0].begin, words[0].end - words[0].begin)))
        return 0;
      break;
  }
  const size_t end = words[units.back().last].end;
  if (whole && end != text.size()) return 0;
  return end;
}

}  // namespace khabar
