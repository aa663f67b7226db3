#include "names/person_name.h"

#include <vector>

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
};

bool VerbLike(std::string_view w) { return StartsWith(w, kYa) || StartsWith(w, kTa) || StartsWith(w, kNun); }

// An imperfect verb, also after ل س و ف (ليشكر, سيتم, وتعمل), not a nisba.
bool VerbWithPrefix(std::string_view w) {
  if (EndsWith(w, kYa) || Letters(w) < 4) return false;
  if (VerbLike(w)) return true;
  const bool prefix = StartsWith(w, kLam) || StartsWith(w, "\xD8\xB3") || StartsWith(w, kWaw) || StartsWith(w, kFa);
  return prefix && VerbLike(w.substr(2));
}

bool CliticLike(std::string_view w) {
  return StartsWith(w, kWaw) || StartsWith(w, kBa) || StartsWith(w, kLam) || StartsWith(w, kFa) ||
         StartsWith(w, kKaf);
}

// وال بال فال كال لل: a noun with a preposition or conjunction and the article.
bool CliticArticle(std::string_view w) {
  if (Letters(w) < 4) return false;
  if (StartsWith(w, "\xD9\x84\xD9\x84")) return true;  // لل
  std::string_view rest = w.substr(2);
  return (StartsWith(w, kWaw) || StartsWith(w, kBa) || StartsWith(w, kFa) || StartsWith(w, kKaf)) &&
         StartsWith(rest, kAl);
}

// Nisba surnames: الخليفي, الحسني.
bool Nisba(std::string_view w) { return Letters(w) >= 5 && EndsWith(w, kYa); }

// Surnames without the article as the Maghreb writes them: أوبلعيد, بنعمرو,
// بوعافية, بلقاسمي, حمداني, لعليو.
// With `strict`, a final ي is not enough (after ى -> ي, مستوى and أخرى end
// with it too).
bool SurnameShape(std::string_view w, bool strict = false) {
  const size_t n = Letters(w);
  if (StartsWith(w, kOw) && n >= 4) return true;
  if ((StartsWith(w, kBen) || StartsWith(w, kBou) || StartsWith(w, kBel)) && n >= 5) return true;
  if (EndsWith(w, kWaw) && n >= 4 && !VerbLike(w)) return true;
  if (EndsWith(w, "\xD8\xA7\xD9\x88\xD9\x8A") && n >= 5) return true;  // اوي
  if (!strict && EndsWith(w, kYa) && n >= 4 && !VerbLike(w)) return true;
  return false;
}

// A glued compound given name: عبدالله, نورالدين.
bool GluedCompound(std::string_view w) {
  const size_t n = Letters(w);
  return (StartsWith(w, kAbd) && n >= 6) || (EndsWith(w, kAldin) && n >= 7) ||
         (EndsWith(w, kAllah) && n >= 6 && !CliticArticle(w));
}

bool AcceptFirst(const Unit& u, std::string_view w, NameEvidence evidence) {
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
      return evidence == NameEvidence::kStrong && !EndsWith(w, kAlef) && !CliticLike(w);
  }
  return false;
}

bool AcceptNext(const Unit& u, size_t position, std::string_view w, NameEvidence evidence, bool first_common) {
  switch (u.kind) {
    case UnitKind::kGiven:
      // After a given name that is also an everyday word (أشرف حيدر: a verb
      // and its subject), a second given name is no evidence.
      return !(evidence == NameEvidence::kNone && first_common && position == 1);
    case UnitKind::kCompound:
    case UnitKind::kParticle:
    case UnitKind::kFamily:
      return true;
    case UnitKind::kAl:
      if (position >= 2) return Nisba(w);
      if (evidence != NameEvidence::kStrong && first_common) return Nisba(w);
      return true;
    case UnitKind::kOther:
      if (SurnameShape(w, /*strict=*/evidence == NameEvidence::kNone && first_common)) return true;
      if (position >= 2 || evidence == NameEvidence::kNone) return false;
      if (EndsWith(w, kAlef)) return false;  // accusative: رئيسا, وفدا
      if (evidence == NameEvidence::kStrong) return !VerbWithPrefix(w);
      return !CliticLike(w) && !VerbLike(w);
  }
  return false;
}

}  // namespace

bool LooksLikeSurname(std::string_view word) { return SurnameShape(word); }

size_t ScanPersonName(std::string_view text, NameEvidence evidence, const PersonLexicon& lex, bool whole) {
  const std::vector<WordSpan> words = text_util::LeadingWords(text, 9);
  auto word = [&](size_t k) { return text.substr(words[k].begin, words[k].end - words[k].begin); };
  std::vector<Unit> units;
  size_t i = 0;
  while (i < words.size() && units.size() < 4) {
    const std::string_view w = word(i);
    const bool has_next = i + 1 < words.size() && !words[i].closed;
    Unit u;
    u.first = u.last = i;
    if (lex.IsParticle(w)) {
      if (!has_next || lex.IsListedStop(word(i + 1))) break;
      u.last = i + 1;
      u.kind = w == kAbd ? UnitKind::kCompound : UnitKind::kParticle;
    } else if (has_next && lex.IsNameSuffix(word(i + 1)) && !lex.IsStop(w)) {
      u.last = i + 1;
      u.kind = UnitKind::kCompound;
    } else if (GluedCompound(w) && !lex.IsStop(w)) {
      u.kind = UnitKind::kCompound;
    } else if (lex.IsListedStop(w) || (!units.empty() && lex.IsStopInside(w))) {
      break;
    } else if (lex.IsGiven(w)) {
      u.kind = UnitKind::kGiven;
      u.common = lex.IsCommonGiven(w);
    } else if (lex.IsFamily(w)) {
      u.kind = UnitKind::kFamily;
    } else if (lex.IsStop(w) || CliticArticle(w)) {
      break;
    } else if (StartsWith(w, kAl) && Letters(w) >= 4) {
      u.kind = UnitKind::kAl;
    } else {
      u.kind = UnitKind::kOther;
    }
    const bool ok = units.empty() ? AcceptFirst(u, w, evidence)
                                  : AcceptNext(u, units.size(), word(u.last), evidence, units[0].common);
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
      if (units.size() < 2 && first.common) return 0;
      break;
    case NameEvidence::kStrong:
      break;
  }
  const size_t end = words[units.back().last].end;
  if (whole && end != text.size()) return 0;
  return end;
}

}  // namespace khabar
