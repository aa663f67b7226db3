// Runs the extractor for evaluation: over many articles in parallel (results
// in input order), and over a gold file whose texts lie beside it
// (`DIR/<id>.txt`), as `khabar eval --gold DIR/gold.jsonl` and the quality
// tests do.
//
// Thread safety: the functions may be called from any thread; ProcessAll
// starts its own workers and joins them before returning.
#ifndef KHABAR_EVAL_RUNNER_H_
#define KHABAR_EVAL_RUNNER_H_

#include <ostream>
#include <string>
#include <vector>

#include "eval/gold.h"
#include "eval/scorer.h"
#include "khabar/pipeline.h"
#include "khabar/record.h"
#include "khabar/status.h"

namespace khabar::eval {

// pipeline.Process() on every article with `threads` workers (1 or less: the
// calling thread only); records[i] belongs to articles[i].
std::vector<Record> ProcessAll(const Pipeline& pipeline, const std::vector<Article>& articles,
                               const ProcessOptions& options, int threads);

// Makes an article for each gold document: id, text (the document's own text
// when it has one, else `dir/<id>.txt`, repaired to valid UTF-8) and date
// (meta.date). found[i] is false when no text was available; each such
// document is reported on `log` (may be null).
std::vector<Article> ArticlesForGold(const std::vector<GoldDocument>& gold,
                                     const std::string& dir, std::vector<bool>* found,
                                     std::ostream* log);

// Scores `records` against `gold`, matched by id. `texts[i]` is the text of
// gold[i] for error context (may be empty or shorter than gold). Gold ids
// without a record and records whose id is not in gold are reported on `log`.
Evaluation ScoreRecords(const std::vector<GoldDocument>& gold,
                        const std::vector<std::string>& texts,
                        const std::vector<Record>& records, bool keep_errors,
                        std::ostream* log,
                        const std::vector<std::string>& types = ScoredTypes());

// Reads GOLD (JSON lines), reads the texts beside it, runs the pipeline and
// scores the result.
StatusOr<Evaluation> EvaluateGoldFile(const Pipeline& pipeline, const std::string& gold_path,
                                      const ProcessOptions& options, int threads,
                                      bool keep_errors, std::ostream* log);

// The directory part of a path ("." when there is none).
std::string DirectoryOf(const std::string& path);

}  // namespace khabar::eval

#endif  // KHABAR_EVAL_RUNNER_H_
