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
#include <cstdint>
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

// The words at the start of a text (text_util::WordReader) and the
// lexicon's answers about them (PersonLexicon::Info), each read or asked
// once: a caller that scans the same text again with other evidence, or
// asks about its words itself, shares them with the scanner instead of
// reading and looking up the words again.
class ScannedWords {
 public:
  ScannedWords(std::string_view text, const PersonLexicon& lexicon) : text_(text), reader_(text), lexicon_(lexicon) {}
  ScannedWords(const ScannedWords&) = delete;
  ScannedWords& operator=(const ScannedWords&) = delete;

  std::string_view text() const { return text_; }
  // Whether there is a word `k` (reads on as needed).
  bool Has(size_t k) { return reader_.Has(k); }
  // Word `k`, which Has(k) said exists.
  const text_util::WordSpan& operator[](size_t k) const { return reader_[k]; }
  std::string_view Word(size_t k) const { return text_.substr(reader_[k].begin, reader_[k].end - reader_[k].begin); }
  // lexicon.Info(Word(k)), asked once.
  PersonLexicon::Word Info(size_t k) {
    if (!((asked_ >> k) & 1)) {
      info_[k] = lexicon_.Info(Word(k));
      asked_ |= 1u << k;
    }
    return info_[k];
  }
  // Sets what Info(k) answers, for a caller that has asked the lexicon
  // about Word(k) already.
  void SetInfo(size_t k, PersonLexicon::Word info) {
    info_[k] = info;
    asked_ |= 1u << k;
  }

 private:
  std::string_view text_;
  text_util::WordReader reader_;
  const PersonLexicon& lexicon_;
  uint32_t asked_ = 0;  // bit k: info_[k] is set
  PersonLexicon::Word info_[text_util::WordReader::kMaxWords];
};

// Byte length of the name at the start of `text` (normalized), or 0 when
// there is none. With `whole`, the name must cover all of `text`; with
// `strict`, the first name is treated as an everyday word (it needs a family
// name or a nisba after it).
size_t ScanPersonName(std::string_view text, NameEvidence evidence, const PersonLexicon& lexicon,
                      bool whole = false, bool strict = false);
// The same for the text of `words` (made with the same lexicon).
size_t ScanPersonName(ScannedWords* words, NameEvidence evidence, const PersonLexicon& lexicon,
                      bool whole = false, bool strict = false);

}  // namespace khabar

#endif  // KHABAR_NAMES_PERSON_NAME_H_
