// Internal: where a personal name that starts at a given point ends.
//
// A name is a sequence of up to four units: a word, or a compound of two
// words (`عبد الرحيم`, `نور الدين`, `أيت باها`, `بن علي`, `أبو بكر`). The
// first unit must be able to start a name given the evidence around it; each
// later unit must look like the continuation of a name (a given or family
// name, an `ال` surname, a compound, a word shaped like a Maghrebi surname).
// The name ends before the first word that is not: a verb, a preposition, a
// common noun, a title, punctuation or a line break.
//
// Thread safety: pure function of its arguments. Cost: a few lookups per word.
#ifndef KHABAR_NAMES_PERSON_NAME_H_
#define KHABAR_NAMES_PERSON_NAME_H_

#include <cstddef>
#include <string_view>

#include "names/person_lexicon.h"

namespace khabar {

enum class NameEvidence {
  kNone,       // nothing around the name: a given name and a surname-like word
  kTitle,      // a descriptive title before (الشاب) or a title of office after
  kAfterRole,  // a title of office (and its organization) or a verb of office before
  kStrong,     // an honorific or a byline before: any name-like first word
  kForeign,    // a title and a nationality before (الرئيس الفرنسي), or a verb of
               // speech and a clause after (وقال X إن): words the lists do not
               // know, when they do not read as verbs, clitic words or nouns
};

// Surnames without the article as the Maghreb writes them (أوبلعيد, بنعمرو,
// بوعافية, بلقاسمي, لحلو).
bool LooksLikeSurname(std::string_view word);

// Whether `rest`, the text right after a name, opens a clause the name is the
// subject of: a comma, colon, semicolon, quote or bracket, a word of the class
// person_speech_after (إن, في, الذي ...) or a title of office in apposition
// (X مدير الشركة). Evidence for names the lists do not know (kForeign).
bool OpensClause(std::string_view rest, const PersonLexicon& lexicon);

// Byte length of the name at the start of `text` (normalized), or 0 when
// there is none. With `whole`, the name must cover all of `text`; with
// `strict`, the first name is treated as an everyday word (it needs a family
// name or a nisba after it).
size_t ScanPersonName(std::string_view text, NameEvidence evidence, const PersonLexicon& lexicon,
                      bool whole = false, bool strict = false);

}  // namespace khabar

#endif  // KHABAR_NAMES_PERSON_NAME_H_
