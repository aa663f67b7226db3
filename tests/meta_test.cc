// Article metadata from the byline (extractor/meta.cc) and web boilerplate
// (extractor/boilerplate.cc), through the whole pipeline with the default
// rules and gazetteers: one row per layout. Meta fields are original text
// (أ and ى kept), with white space collapsed.
#include <doctest/doctest.h>

#include <string>

#include "khabar/data_file.h"
#include "khabar/pipeline.h"
#include "default_pipeline.h"

namespace khabar {
namespace {

Record Run(const std::string& text, const std::string& title = "", const std::string& date = "") {
  Article article;
  article.id = "t";
  article.text = text;
  article.title = title;
  article.date = date;
  return DefaultPipeline().Process(article, ProcessOptions());
}

const char kBody[] =
    "نظمت جمعية الأمل للتنمية يوم السبت الماضي لقاء تواصليا مع الفاعلين المحليين حول برنامج الأنشطة "
    "السنوية بحضور عدد من المنخرطين والمهتمين بالشأن المحلي في المدينة.";

TEST_CASE("meta: title, outlet, author and date from the top of the article") {
  struct Case {
    const char* layout;
    std::string text;
    const char* title;
    const char* outlet;
    const char* author;
    const char* date;
  };
  const Case cases[] = {
      {"title, outlet | date", std::string("جمعية الأمل تنظم لقاء تواصليا\n\nصدى الجبل | 16 ماي 2023\n\n") + kBody,
       "جمعية الأمل تنظم لقاء تواصليا", "صدى الجبل", "", "2023-05-16"},
      {"a section name before the title",
       std::string("محلية\n\nجمعية الأمل تنظم لقاء تواصليا\n\nجريدة الصباح\n\n") + kBody,
       "جمعية الأمل تنظم لقاء تواصليا", "جريدة الصباح", "", ""},
      {"a byline with بقلم", std::string("جمعية الأمل تنظم لقاء تواصليا\n\nبقلم: سعاد الحجوي\n\n") + kBody,
       "جمعية الأمل تنظم لقاء تواصليا", "", "سعاد الحجوي", ""},
      {"outlet and author on one line",
       std::string("جمعية الأمل تنظم لقاء تواصليا\nمراكش بريس 24 - بقلم: حمزة الودغيري\nالخميس، 3 أكتوبر 2024\n\n") +
           kBody,
       "جمعية الأمل تنظم لقاء تواصليا", "مراكش بريس 24", "حمزة الودغيري", "2024-10-03"},
      {"a dateline city before the outlet",
       std::string("جمعية الأمل تنظم لقاء تواصليا\n\nسطيف – جريدة الهضاب\n\n") + kBody, "جمعية الأمل تنظم لقاء تواصليا",
       "جريدة الهضاب", "", ""},
      {"no title: the text starts with the body", std::string(kBody) + "\n" + kBody, "", "", "", ""},
  };
  for (const Case& c : cases) {
    INFO(c.layout);
    Record r = Run(c.text);
    CHECK(r.meta.title == c.title);
    CHECK(r.meta.outlet == c.outlet);
    CHECK(r.meta.author == c.author);
    CHECK(r.meta.date == c.date);
  }
}

TEST_CASE("meta: fields the input gave are kept") {
  Record r = Run(std::string("جمعية الأمل تنظم لقاء تواصليا\n\nصدى الجبل | 16 ماي 2023\n\n") + kBody, "عنوان آخر",
                 "2023-06-01");
  CHECK(r.meta.title == "عنوان آخر");
  CHECK(r.meta.date == "2023-06-01");
}

TEST_CASE("boilerplate: web furniture yields no entities") {
  struct Case {
    const char* layout;
    std::string tail;
  };
  const Case cases[] = {
      {"comment form", "\n\nاترك تعليقاً\n\nلن يتم نشر عنوان بريدك الإلكتروني. الحقول الإلزامية مشار إليها بـ *\n"
                       "الاسم محمد العلوي\n"},
      {"share buttons", "\n\nشارك\nفيسبوك تويتر واتساب\n"},
      {"related articles and their headlines",
       "\n\nمقالات ذات صلة\n\nيوسف العلوي رئيسا جديدا لنادي الوداد\nجمعية النور تكرم المتفوقين بمدينة فاس\n"},
      {"copyright", "\n\nجميع الحقوق محفوظة لجريدة الصباح 2024\n"},
  };
  const Record plain = Run(kBody);
  for (const Case& c : cases) {
    INFO(c.layout);
    const Record r = Run(std::string(kBody) + c.tail);
    CHECK(r.entities.size() == plain.entities.size());
  }
}

}  // namespace
}  // namespace khabar
