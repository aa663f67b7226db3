#include "eval/runner.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <unordered_map>
#include <utility>

#include "khabar/normalizer.h"

namespace khabar::eval {

std::vector<Record> ProcessAll(const Pipeline& pipeline, const std::vector<Article>& articles,
                               const ProcessOptions& options, int threads) {
  std::vector<Record> records(articles.size());
  std::atomic<size_t> next{0};
  auto work = [&]() {
    for (size_t i = next++; i < articles.size(); i = next++)
      records[i] = pipeline.Process(articles[i], options);
  };
  const size_t workers =
      std::min<size_t>(threads < 1 ? 1 : static_cast<size_t>(threads), articles.size());
  if (workers <= 1) {
    work();
    return records;
  }
  std::vector<std::thread> pool;
  pool.reserve(workers);
  for (size_t t = 0; t < workers; ++t) pool.emplace_back(work);
  for (std::thread& t : pool) t.join();
  return records;
}

std::string DirectoryOf(const std::string& path) {
  size_t slash = path.find_last_of('/');
  if (slash == std::string::npos) return ".";
  if (slash == 0) return "/";
  return path.substr(0, slash);
}

std::vector<Article> ArticlesForGold(const std::vector<GoldDocument>& gold,
                                     const std::string& dir, std::vector<bool>* found,
                                     std::ostream* log) {
  std::vector<Article> articles;
  articles.reserve(gold.size());
  found->assign(gold.size(), true);
  for (size_t i = 0; i < gold.size(); ++i) {
    Article a;
    a.id = gold[i].id;
    a.date = gold[i].date;
    if (!gold[i].text.empty()) {
      a.source = a.id;
      a.text = gold[i].text;
    } else {
      a.source = dir + "/" + gold[i].id + ".txt";
      std::optional<std::string> text = ReadWholeFile(a.source);
      if (text) {
        a.text = std::move(*text);
        if (size_t n = RepairUtf8(&a.text); n > 0)
          a.errors.push_back(std::to_string(n) + " invalid UTF-8 sequences replaced");
      } else {
        (*found)[i] = false;
        if (log)
          *log << "khabar eval: cannot read the text of gold document " << gold[i].id << " ("
               << a.source << ")\n";
      }
    }
    articles.push_back(std::move(a));
  }
  return articles;
}

Evaluation ScoreRecords(const std::vector<GoldDocument>& gold,
                        const std::vector<std::string>& texts,
                        const std::vector<Record>& records, bool keep_errors,
                        std::ostream* log, const std::vector<std::string>& types) {
  std::unordered_map<std::string, const Record*> by_id;
  size_t duplicates = 0;
  for (const Record& r : records)
    if (!by_id.emplace(r.id, &r).second) ++duplicates;
  if (duplicates > 0 && log)
    *log << "khabar eval: " << duplicates
         << " predicted records repeat an id; the first of each is scored\n";
  std::unordered_map<std::string, bool> gold_ids;
  Scorer scorer(keep_errors, types);
  for (size_t i = 0; i < gold.size(); ++i) {
    gold_ids.emplace(gold[i].id, true);
    auto it = by_id.find(gold[i].id);
    const Record* pred = it == by_id.end() ? nullptr : it->second;
    if (!pred && log) {
      size_t entities = 0, relations = 0;
      for (const GoldEntity& e : gold[i].entities)
        if (!e.optional && std::find(types.begin(), types.end(), e.type) != types.end())
          ++entities;
      for (const GoldRelation& r : gold[i].relations)
        if (!r.optional) ++relations;
      *log << "khabar eval: no prediction for gold document " << gold[i].id << ": its "
           << entities << " entities and " << relations << " relations count as misses\n";
    }
    const std::string_view text = i < texts.size() ? std::string_view(texts[i]) : "";
    scorer.Add(gold[i], pred, text);
  }
  size_t extra = 0;
  for (const auto& [id, record] : by_id)
    if (!gold_ids.count(id)) ++extra;
  if (extra > 0 && log)
    *log << "khabar eval: " << extra << " predicted records have no gold document (ignored)\n";
  return scorer.evaluation();
}

StatusOr<Evaluation> EvaluateGoldFile(const Pipeline& pipeline, const std::string& gold_path,
                                      const ProcessOptions& options, int threads,
                                      bool keep_errors, std::ostream* log) {
  StatusOr<std::vector<GoldDocument>> gold = ReadGoldJsonl(gold_path);
  if (!gold.ok()) return gold.status();
  std::vector<bool> found;
  std::vector<Article> articles = ArticlesForGold(gold.value(), DirectoryOf(gold_path), &found, log);
  std::vector<Article> present;
  std::vector<std::string> texts(articles.size());
  for (size_t i = 0; i < articles.size(); ++i) {
    texts[i] = articles[i].text;
    if (found[i]) present.push_back(std::move(articles[i]));
  }
  std::vector<Record> records = ProcessAll(pipeline, present, options, threads);
  return ScoreRecords(gold.value(), texts, records, keep_errors, log);
}

}  // namespace khabar::eval
