#!/usr/bin/env python3
"""Builds corpus/gold_a.jsonl, the gold annotations of articles a01..a16.

Each article lists its annotations as (type, surface text, occurrence, extra fields).
Offsets are computed by string search over the article exactly as saved (Unicode code
points, as Python indexes a str), so the gold file can be rebuilt after any edit of an
article and every span is checked.

Occurrence semantics:
  - an occurrence is a place where the surface occurs with word boundaries: the letters
    glued before it (if any) must be a proclitic (و ف ب ل ك and combinations such as
    وب، ول، فب), and no Arabic letter or digit may follow it (the options glue_left /
    glue_right lift these checks for glued tokens such as "إنزكان05");
  - longer surfaces are placed first; an occurrence lying inside an already placed span is
    a nested name and is not an occurrence of its own;
  - occ="all" (the default) annotates every remaining occurrence; an integer picks one
    (0-based) among them; occ=None requires exactly one.
The script fails when a surface is not found, an occurrence is ambiguous, two spans
overlap, an occurrence of an annotated surface is left unannotated, a relation names
something that is not an entity of the article, or a DATE value is malformed or does not
agree with the weekday written in the text.

Usage: python3 tools/corpus_gold_a.py [--check]   (--check: validate, do not write)
"""

import datetime
import json
import os
import re
import sys
import unicodedata

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(CORPUS, "gold_a.jsonl")

PROCLITICS = {"", "و", "ف", "ب", "ل", "ك", "وب", "ول", "وك", "فب", "فل", "فك"}
ORG_SUBTYPES = {"association", "foundation", "council", "ministry", "party", "media",
                "club", "company", "agency", "university", "other"}
LOC_SUBTYPES = {"country", "region", "province", "commune", "city", "douar", "other"}
WEEKDAYS = {"الإثنين": 0, "الاثنين": 0, "الثلاثاء": 1, "الأربعاء": 2, "الخميس": 3,
            "الجمعة": 4, "السبت": 5, "الأحد": 6}
DATE_VALUE = re.compile(r"^(\d{4}|XXXX)(-\d{2}(-\d{2})?)?$")


# ---------------------------------------------------------------- annotation helpers

def P(text, occ="all", **kw):
    return ("PERSON", text, occ, kw)


def O(text, subtype, occ="all", **kw):
    return ("ORG", text, occ, dict(subtype=subtype, **kw))


def L(text, subtype, occ="all", **kw):
    return ("LOC", text, occ, dict(subtype=subtype, **kw))


def D(text, value, occ="all", **kw):
    return ("DATE", text, occ, dict(value=value, **kw))


def H(text, value, hijri_value, occ="all", **kw):
    """A Hijri date: Gregorian value plus the original Hijri value."""
    return ("DATE", text, occ, dict(value=value, calendar="hijri",
                                    hijri_value=hijri_value, **kw))


def REL(text, value, occ="all", **kw):
    """A relative date, resolved against meta.date."""
    return ("DATE", text, occ, dict(value=value, relative=True, **kw))


def R(text, value, occ="all", **kw):
    return ("ROLE", text, occ, dict(value=value, **kw))


def EV(text, occ="all"):
    """An event name (festival, competition): always optional."""
    return ("EVENT", text, occ, dict(optional=True))


def rel(person, role, org, alt=None, optional=False):
    r = {"person": person, "role": role, "org": org}
    if alt:
        r["org_alt"] = alt
    if optional:
        r["optional"] = True
    return r


# ---------------------------------------------------------------- the annotations

ARTICLES = {}

ARTICLES["a01"] = dict(
    meta=dict(source="صدى الحوز", date="2023-05-16"),
    ents=[
        P("لحسن أوبلعيد"), P("أوبلعيد"),
        R("رئيسا", "رئيس"),
        O("جمعية تيفاوين للتنمية والثقافة", "association"),
        L("إقليم الحوز", "province"),
        O("صدى الحوز", "media"),
        D("16 ماي 2023", "2023-05-16"),
        L("دوار إغرم نوزرو", "douar"),
        L("جماعة أزرو نايت لحسن", "commune"),
        REL("السبت الماضي", "2023-05-13"),
        P("عبد الله أيت باها"),
        D("2016", "2016"),
        P("فاطمة الزهراء إدبوبكر"), R("نائبة للرئيس", "نائب الرئيس"),
        P("عبد الرحيم أمزيان"), R("كاتبا عاما", "الكاتب العام"),
        P("خديجة أوحمو"), R("أمينة للمال", "أمين المال"),
        P("إبراهيم بوتكرارت"), P("سعيد أكنوش"),
        R("مستشارين", "مستشار", optional=True),
        R("الرئيس", "رئيس", optional=True),
        EV("مهرجان إغرم للفنون الشعبية"),
        REL("غشت المقبل", "2023-08"),
        O("المجلس الإقليمي للحوز", "council"),
        O("مجلس جماعة أزرو نايت لحسن", "council"),
        D("12/03/2021", "2021-03-12"),
        L("تحناوت", "city"),
        O("المبادرة الوطنية للتنمية البشرية", "other", optional=True),
        REL("منذ 3 سنوات", "2020"),
    ],
    rels=[
        rel("لحسن أوبلعيد", "رئيس", "جمعية تيفاوين للتنمية والثقافة", ["الجمعية"]),
        rel("فاطمة الزهراء إدبوبكر", "نائب الرئيس", "جمعية تيفاوين للتنمية والثقافة"),
        rel("عبد الرحيم أمزيان", "الكاتب العام", "جمعية تيفاوين للتنمية والثقافة"),
        rel("خديجة أوحمو", "أمين المال", "جمعية تيفاوين للتنمية والثقافة"),
        rel("عبد الله أيت باها", "رئيس", "جمعية تيفاوين للتنمية والثقافة", optional=True),
    ],
)

ARTICLES["a02"] = dict(
    meta=dict(source="بوابة أكادير الكبير", author="نعيمة بلحاج", date="2022-10-05"),
    ents=[
        O("مجلس إنزكان", "council"),
        EV("مهرجان المسرح الشبابي"),
        O("بوابة أكادير الكبير", "media"),
        P("نعيمة بلحاج"),
        L("إنزكان", "city", glue_right=True),
        D("05 أكتوبر 2022", "2022-10-05", glue_left=True, glue_right=True),
        O("المجلس الجماعي لإنزكان", "council"),
        REL("أمس الثلاثاء", "2022-10-04"),
        O("جمعية سوس للمسرح والفنون الحية", "association"),
        EV("مهرجان إنزكان للمسرح الشبابي"),
        P("الحسين أزناك"), P("أزناك"),
        R("رئيس", "رئيس"),
        R("عامل", "عامل"),
        L("عمالة إنزكان أيت ملول", "province"),
        D("14 نونبر 2022", "2022-11-14"),
        L("أكادير", "city"), L("تزنيت", "city"), L("كلميم", "city"),
        L("تونس", "country"), L("السنغال", "country"),
        L("تراست", "other"), L("الجرف", "other"),
        P("سميرة بنعدي"), R("نائبة رئيس", "نائب الرئيس"),
        O("المعهد العالي للفن المسرحي والتنشيط الثقافي", "university"),
        P("يوسف أكرام"),
        P("حليمة أوزال"),
        D("2019", "2019"),
        L("سوس", "region"),
        D("ماي 2018", "2018-05"),
        O("وزارة الشباب والثقافة والتواصل", "ministry"),
        O("مجلس جهة سوس ماسة", "council"),
    ],
    rels=[
        rel("الحسين أزناك", "رئيس", "المجلس الجماعي لإنزكان", ["مجلس إنزكان", "الجماعة"]),
        rel("سميرة بنعدي", "نائب الرئيس", "المجلس الجماعي لإنزكان", ["مجلس إنزكان", "المجلس"]),
        rel("يوسف أكرام", "رئيس", "جمعية سوس للمسرح والفنون الحية"),
        rel(None, "عامل", "عمالة إنزكان أيت ملول"),
    ],
)

ARTICLES["a03"] = dict(
    meta=dict(source="الشرق الرياضي", date="2023-09-22"),
    ents=[
        L("وجدة", "city"),
        P("مراد بنعمر"), P("بنعمر"),
        R("رئيسا", "رئيس"),
        O("نادي أمل الأندلس لكرة اليد", "club"),
        O("الشرق الرياضي", "media"),
        D("الجمعة 22 شتنبر 2023", "2023-09-22"),
        O("العصبة الجهوية الشرقية لكرة اليد", "other"),
        O("المديرية الجهوية لقطاع الشباب", "ministry"),
        D("2022-2023", "2022", optional=True),
        P("نور الدين الزياني"), R("نائبا للرئيس", "نائب الرئيس"),
        P("حسناء المرابط"), R("كاتبة عامة", "الكاتب العام"),
        P("رضوان العلوي"), R("أمينا للمال", "أمين المال"),
        O("مجلس جماعة وجدة", "council"),
        O("مجلس جهة الشرق", "council"),
        D("2017", "2017"),
        P("عبد الإله القندوسي"), R("رئيس", "رئيس"),
        EV("كأس العرش"),
        O("القسم الممتاز", "other", optional=True),
        L("تاوريرت", "city"),
        D("أبريل 2024", "2024-04"),
        P("عبد الحق بوزيان"),
        L("جرادة", "city"), L("العيون الشرقية", "city"),
    ],
    rels=[
        rel("مراد بنعمر", "رئيس", "نادي أمل الأندلس لكرة اليد", ["النادي"]),
        rel("نور الدين الزياني", "نائب الرئيس", "نادي أمل الأندلس لكرة اليد"),
        rel("حسناء المرابط", "الكاتب العام", "نادي أمل الأندلس لكرة اليد"),
        rel("رضوان العلوي", "أمين المال", "نادي أمل الأندلس لكرة اليد"),
        rel("عبد الإله القندوسي", "رئيس", "العصبة الجهوية الشرقية لكرة اليد", ["العصبة"]),
    ],
)

ARTICLES["a04"] = dict(
    meta=dict(source="تزنيت بريس", author="عبد اللطيف أوشن", date="2024-03-30"),
    ents=[
        O("مؤسسة تيليلا للتضامن والتنمية", "foundation"),
        O("مؤسسة تيليلا للتضامن", "foundation"),
        L("إقليم تزنيت", "province"),
        O("تزنيت بريس", "media"),
        P("عبد اللطيف أوشن"),
        R("عامل", "عامل"),
        P("حميد الإدريسي"),
        R("رئيسة", "رئيس"),
        P("لطيفة أكوراي"), P("أكوراي"),
        H("الجمعة 18 رمضان 1445هـ", "2024-03-29", "1445-09-18"),
        D("29 مارس 2024م", "2024-03-29"),
        D("30 مارس 2024", "2024-03-30"),
        L("جماعة أربعاء الساحل", "commune"),
        L("جماعة تيزغران", "commune"),
        L("جماعة الركادة", "commune"),
        O("المجلس الإقليمي لتزنيت", "council"),
        L("فرنسا", "country"), L("هولندا", "country"),
        O("مؤسسة التعاون الوطني", "agency"),
        D("2011", "2011"),
        H("رمضان الماضي", "2023-03", "1444-09", relative=True, optional=True),
        L("تزنيت", "city"),
        P("عبد الرحمن بوفوس"),
        R("رئيس", "رئيس"),
        D("يناير 2024", "2024-01"),
        R("باشا", "باشا"),
        R("المندوب الإقليمي", "المندوب الإقليمي"),
        O("جمعية أدرار للتنمية القروية", "association"),
        L("أنزي", "commune"),
    ],
    rels=[
        rel("حميد الإدريسي", "عامل", "إقليم تزنيت"),
        rel("لطيفة أكوراي", "رئيس", "مؤسسة تيليلا للتضامن والتنمية",
            ["مؤسسة تيليلا للتضامن", "المؤسسة"]),
        rel("عبد الرحمن بوفوس", "رئيس", "المجلس الإقليمي لتزنيت", ["المجلس"]),
        rel(None, "باشا", "تزنيت"),
        rel(None, "المندوب الإقليمي", "مؤسسة التعاون الوطني"),
    ],
)

ARTICLES["a05"] = dict(
    meta=dict(source="درعة 24", date="2023-12-07"),
    ents=[
        R("وزير", "وزير"),
        R("الوزير", "وزير", optional=True),
        L("إقليم الرشيدية", "province"),
        O("درعة 24", "media"),
        L("الرشيدية", "city", 0),
        L("الرشيدية", "province", 1),
        D("الخميس 7 دجنبر 2023", "2023-12-07"),
        P("عزيز البوشيخي"), P("البوشيخي"),
        REL("أمس الأربعاء", "2023-12-06"),
        R("والي", "والي"),
        L("جهة درعة تافيلالت", "region"),
        P("عبد السلام الحمداوي"),
        R("عامل", "عامل"),
        P("مصطفى اليعقوبي"),
        L("وادي غريس", "other"),
        L("جماعة أغبالو نكردوس", "commune"),
        L("دوار تازكاغت", "douar"), L("دوار أيت عثمان", "douar"),
        R("رئيس", "رئيس"),
        O("مجلس جهة درعة تافيلالت", "council"),
        P("محمد أوعلي"),
        O("المكتب الجهوي للاستثمار الفلاحي لتافيلالت", "agency"),
        O("الغرفة الفلاحية الجهوية", "other", optional=True),
        D("2024-2030", "2024", optional=True),
        O("وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات", "ministry"),
        L("ورزازات", "province"), L("زاكورة", "province"),
        L("تنغير", "province"), L("ميدلت", "province"),
        D("2030", "2030"),
        REL("منذ 6 سنوات", "2017"),
        D("يناير 2024", "2024-01"),
        P("زينب أيت حدو"),
        R("رئيسة", "رئيس"),
        O("جمعية واحة فركلة للتنمية المستدامة", "association"),
    ],
    rels=[
        rel("عزيز البوشيخي", "وزير",
            "وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات", ["الوزارة"]),
        rel("عبد السلام الحمداوي", "والي", "جهة درعة تافيلالت"),
        rel("مصطفى اليعقوبي", "عامل", "إقليم الرشيدية"),
        rel("محمد أوعلي", "رئيس", "مجلس جهة درعة تافيلالت"),
        rel("زينب أيت حدو", "رئيس", "جمعية واحة فركلة للتنمية المستدامة"),
    ],
)

ARTICLES["a06"] = dict(
    meta=dict(source="صوت تادلة", author="محمد أمين الصابري", date="2024-06-11"),
    ents=[
        L("أزيلال", "city"),
        O("جمعية أسيف للتنمية والثقافة", "association"),
        L("جماعة تيموليلت", "commune"),
        O("صوت تادلة", "media"),
        D("الثلاثاء 11 يونيو 2024", "2024-06-11"),
        P("محمد أمين الصابري"),
        L("إقليم أزيلال", "province"),
        REL("أمس", "2024-06-10"),
        O("الوكالة الوطنية لمحاربة الأمية", "agency"),
        O("المجلس الإقليمي لأزيلال", "council"),
        R("رئيس", "رئيس"),
        R("رئيسة", "رئيس"),
        P("عبد الواحد أوتزكيت"), P("أوتزكيت"),
        R("قائد", "قائد"),
        L("قيادة تيموليلت", "other"),
        P("رشيدة أيت الحاج"), P("أيت الحاج"),
        L("دوار أيت واعزيز", "douar"), L("دوار تغبالت", "douar"),
        D("أكتوبر 2023", "2023-10"),
        P("حسن بوزكري"),
        R("منسق البرامج", "منسق", optional=True),
        D("ماي 2023", "2023-05"),
        REL("الشهر المقبل", "2024-07"),
        REL("منذ 4 سنوات", "2020"),
        L("بني ملال", "city"),
    ],
    rels=[
        rel("عبد الواحد أوتزكيت", "رئيس", "المجلس الإقليمي لأزيلال", ["المجلس"]),
        rel("رشيدة أيت الحاج", "رئيس", "جمعية أسيف للتنمية والثقافة", ["الجمعية"]),
        rel(None, "قائد", "قيادة تيموليلت"),
        rel("حسن بوزكري", "منسق", "جمعية أسيف للتنمية والثقافة", optional=True),
    ],
)

ARTICLES["a07"] = dict(
    meta=dict(source="تطوان الآن", author="سفيان الخمليشي", date="2023-07-21"),
    ents=[
        EV("مهرجان المضيق لفنون الشارع"),
        O("تطوان الآن", "media"),
        P("سفيان الخمليشي"),
        D("21 يوليوز 2023", "2023-07-21"),
        D("الخميس 20 يوليوز 2023", "2023-07-20"),
        L("المضيق", "city"),
        O("مؤسسة ألوان الشمال للفنون والثقافة", "foundation"),
        O("المديرية الجهوية للثقافة لجهة طنجة تطوان الحسيمة", "ministry"),
        O("مجلس جماعة المضيق", "council"),
        O("مجلس عمالة المضيق الفنيدق", "council"),
        R("عامل", "عامل"),
        L("عمالة المضيق الفنيدق", "province"),
        P("ياسين الغرباوي"),
        R("رئيس", "رئيس"),
        P("أنس البقالي"),
        L("تطوان", "city"), L("شفشاون", "city"), L("الفنيدق", "city"),
        P("كريم الريسوني"), P("الريسوني"),
        REL("23 يوليوز الجاري", "2023-07-23"),
        L("المغرب", "country"), L("إيطاليا", "country"), L("البرتغال", "country"),
        L("فرنسا", "country"), L("كوت ديفوار", "country"),
        D("2013", "2013"),
        L("جماعة بليونش", "commune"),
        P("هند الطود"),
        R("المديرة الجهوية", "المدير الجهوي"),
        O("المعهد الوطني للفنون الجميلة", "university"),
        REL("الأحد 23 يوليوز", "2023-07-23"),
        P("عبد السلام الحراق"),
    ],
    rels=[
        rel("ياسين الغرباوي", "عامل", "عمالة المضيق الفنيدق"),
        rel("أنس البقالي", "رئيس", "مجلس جماعة المضيق"),
        rel("كريم الريسوني", "رئيس", "مؤسسة ألوان الشمال للفنون والثقافة", ["المؤسسة"]),
        rel("هند الطود", "المدير الجهوي", "المديرية الجهوية للثقافة لجهة طنجة تطوان الحسيمة"),
    ],
)

ARTICLES["a08"] = dict(
    meta=dict(source="جريدة ضفاف سبو الإلكترونية", author="ياسين الشرقاوي",
              date="2023-11-22"),
    ents=[
        O("جامعة ابن طفيل", "university"),
        L("القنيطرة", "city"),
        O("جريدة ضفاف سبو الإلكترونية", "media"),
        P("ياسين الشرقاوي"),
        D("22 نونبر 2023", "2023-11-22"),
        REL("غدا الخميس", "2023-11-23"),
        O("كلية العلوم الاقتصادية والتدبير", "university"),
        O("مختبر الدراسات في الحكامة والتنمية الترابية", "other"),
        O("جمعية شباب المهدية للتنمية والمواطنة", "association"),
        D("الجمعة 24 نونبر 2023", "2023-11-24"),
        L("جهة الرباط سلا القنيطرة", "region"),
        L("إقليم سيدي سليمان", "province"), L("إقليم سيدي قاسم", "province"),
        R("رئيس", "رئيس"),
        P("عبد الحكيم المنصوري"),
        R("عميدة", "عميد"),
        P("نادية بنكيران"),
        R("مدير", "مدير"),
        O("المركز الجهوي للاستثمار لجهة الرباط سلا القنيطرة", "agency"),
        P("سعيد الفاسي الفهري"),
        O("مكتب تنمية التعاون", "agency"),
        R("المنسق العام", "المنسق العام"),
        P("مصطفى أزوكاغ"),
        L("كندا", "country"), L("السنغال", "country"),
        R("رئيسة", "رئيس"),
        P("إيمان الصبار"),
        D("2018", "2018"),
        L("جماعة المهدية", "commune"),
        REL("الشهر الماضي", "2023-10"),
        D("مارس 2024", "2024-03"),
    ],
    rels=[
        rel("عبد الحكيم المنصوري", "رئيس", "جامعة ابن طفيل"),
        rel("نادية بنكيران", "عميد", "كلية العلوم الاقتصادية والتدبير", ["الكلية"]),
        rel("سعيد الفاسي الفهري", "مدير",
            "المركز الجهوي للاستثمار لجهة الرباط سلا القنيطرة"),
        rel("مصطفى أزوكاغ", "المنسق العام", None, optional=True),
        rel("إيمان الصبار", "رئيس", "جمعية شباب المهدية للتنمية والمواطنة", ["الجمعية"]),
    ],
)

ARTICLES["a09"] = dict(
    meta=dict(source="أخبار الواحة الشرقية", date="2024-02-08"),
    ents=[
        O("مجلس جماعة بني تجيت", "council"),
        D("فبراير", "2024-02", optional=True),
        O("أخبار الواحة الشرقية", "media"),
        D("2024/02/08", "2024-02-08"),
        L("إقليم فجيج", "province"),
        D("الثلاثاء 6 فبراير 2024", "2024-02-06"),
        D("2023", "2023"),
        P("عبد القادر بلوشي"), P("بلوشي"),
        R("رئيس", "رئيس"),
        R("الكاتب العام", "الكاتب العام"),
        P("هشام الزروالي"),
        L("دوار تيط نعلي", "douar"), L("دوار أيت عبو", "douar"),
        O("المكتب الوطني للكهرباء والماء الصالح للشرب", "agency"),
        O("المجلس الإقليمي لفجيج", "council"),
        O("مجلس جهة الشرق", "council"),
        REL("العام الماضي", "2023"),
        REL("أبريل المقبل", "2024-04"),
        P("فاطمة بنعيسى"),
        R("المستشارة", "مستشار", optional=True),
        O("جمعية أزغار للتنمية والتضامن", "association"),
        L("بوعرفة", "city"), L("وجدة", "city"), L("الدار البيضاء", "city"),
    ],
    rels=[
        rel("عبد القادر بلوشي", "رئيس", "مجلس جماعة بني تجيت"),
        rel("هشام الزروالي", "الكاتب العام", "مجلس جماعة بني تجيت", ["الجماعة"]),
        rel("فاطمة بنعيسى", "مستشار", "مجلس جماعة بني تجيت", optional=True),
    ],
)

ARTICLES["a10"] = dict(
    meta=dict(source="يومية أصداء جرجرة", author="سليمة آيت عمران", date="2023-01-16"),
    ents=[
        L("تيزي وزو", "city"),
        L("ولاية تيزي وزو", "province"),
        O("جمعية ثيزيري للثقافة والتراث", "association"),
        L("بلدية آيث يني", "commune"),
        L("آيث يني", "commune"),
        O("يومية أصداء جرجرة", "media"),
        O("أصداء جرجرة", "media"),
        P("سليمة آيت عمران"),
        D("16-01-2023", "2023-01-16"),
        D("السبت 14 جانفي 2023", "2023-01-14"),
        P("أرزقي حموش"), P("حموش"),
        R("رئيسا", "رئيس"),
        P("وردية بلقاسمي"),
        P("مقران آيت سعيد"), R("نائبا للرئيس", "نائب الرئيس"),
        P("كهينة زروقي"), R("أمينة عامة", "الأمين العام"),
        P("يوغرطة بن شعبان"), R("أمينا للمال", "أمين المال"),
        R("الرئيس", "رئيس", optional=True),
        L("ثاوريرث ميمون", "other"),
        D("1991", "1991"),
        EV("عيد الحلي"),
        REL("جويلية المقبل", "2023-07"),
        REL("فيفري المقبل", "2023-02"),
        O("مديرية الثقافة والفنون لولاية تيزي وزو", "ministry"),
        R("رئيس", "رئيس"),
        O("المجلس الشعبي البلدي لبلدية آيث يني", "council"),
        P("رابح أوقاسي"),
        R("والي", "والي"),
        D("أكتوبر 2022", "2022-10"),
        L("بني دوالة", "city"),
        D("2015", "2015"),
        O("مديرية التربية لولاية تيزي وزو", "ministry"),
    ],
    rels=[
        rel("أرزقي حموش", "رئيس", "جمعية ثيزيري للثقافة والتراث", ["الجمعية"]),
        rel("مقران آيت سعيد", "نائب الرئيس", "جمعية ثيزيري للثقافة والتراث"),
        rel("كهينة زروقي", "الأمين العام", "جمعية ثيزيري للثقافة والتراث"),
        rel("يوغرطة بن شعبان", "أمين المال", "جمعية ثيزيري للثقافة والتراث"),
        rel("رابح أوقاسي", "رئيس", "المجلس الشعبي البلدي لبلدية آيث يني",
            ["بلدية آيث يني"]),
        rel(None, "والي", "ولاية تيزي وزو"),
        rel("وردية بلقاسمي", "رئيس", "جمعية ثيزيري للثقافة والتراث", optional=True),
    ],
)

ARTICLES["a11"] = dict(
    meta=dict(source="جريدة الهضاب العليا", date="2023-07-28"),
    ents=[
        O("نادي الأمل الرياضي لعين ولمان", "club"),
        L("سطيف", "city"),
        L("ولاية سطيف", "province"),
        O("جريدة الهضاب العليا", "media"),
        D("الجمعة 28 جويلية 2023", "2023-07-28"),
        REL("أمس الخميس", "2023-07-27"),
        L("بلدية عين ولمان", "commune"),
        O("مديرية الشباب والرياضة لولاية سطيف", "ministry"),
        O("الرابطة الجهوية لكرة القدم لسطيف", "other"),
        D("20 ماي 2023", "2023-05-20"),
        R("الرئيس", "رئيس"),
        P("عبد الحميد بوشارب"), P("بوشارب"),
        P("رشيد مزياني"), R("نائبا للرئيس", "نائب الرئيس"),
        P("سفيان بلعيد"), R("أمينا عاما", "الأمين العام"),
        P("كمال دراجي"), R("أمينا للمال", "أمين المال"),
        O("الرابطة المحترفة الثانية", "other", optional=True),
        D("2023-2024", "2023", optional=True),
        R("رئيس", "رئيس"),
        REL("أوت المقبل", "2023-08"),
        L("عين الدراهم", "city"),
        R("المدرب", "مدرب", optional=True),
        P("ياسين عمراني"),
        REL("أفريل الماضي", "2023-04"),
        O("المجلس الشعبي الولائي لسطيف", "council"),
        P("نور الدين خلفاوي"),
        D("جوان 2021", "2021-06"),
        O("وزارة الشباب والرياضة", "ministry"),
        L("عين ولمان", "city"),
    ],
    rels=[
        rel("عبد الحميد بوشارب", "رئيس", "نادي الأمل الرياضي لعين ولمان", ["النادي"]),
        rel("رشيد مزياني", "نائب الرئيس", "نادي الأمل الرياضي لعين ولمان"),
        rel("سفيان بلعيد", "الأمين العام", "نادي الأمل الرياضي لعين ولمان"),
        rel("كمال دراجي", "أمين المال", "نادي الأمل الرياضي لعين ولمان"),
        rel("نور الدين خلفاوي", "رئيس", "المجلس الشعبي الولائي لسطيف"),
        rel("ياسين عمراني", "مدرب", "نادي الأمل الرياضي لعين ولمان", optional=True),
    ],
)

ARTICLES["a12"] = dict(
    meta=dict(source="موقع الجنوب الآن", date="2024-03-05"),
    ents=[
        L("صفاقس", "city", 0),
        L("صفاقس", "province", 1),
        L("ولاية صفاقس", "province"),
        O("المجلس البلدي بساقية الزيت", "council"),
        O("جمعية الواحة الخضراء لحماية البيئة", "association"),
        O("موقع الجنوب الآن", "media"),
        D("05-03-2024", "2024-03-05"),
        D("2024", "2024"),
        D("الإثنين 4 مارس 2024", "2024-03-04"),
        R("رئيس", "رئيس"),
        L("بلدية ساقية الزيت", "commune"),
        P("منير الشعري"),
        R("معتمد", "معتمد"),
        L("ساقية الزيت", "other"),
        O("الوكالة الوطنية لحماية المحيط", "agency"),
        R("رئيسة", "رئيس"),
        P("سلوى بن يحيى"), P("بن يحيى"),
        O("الاتحاد الأوروبي", "other"),
        D("2022", "2022"),
        L("تونس", "country"),
        REL("ماي المقبل", "2024-05"),
        D("2014", "2014"),
        L("سيدي منصور", "other"),
        REL("جانفي الفارط", "2024-01"),
        O("وزارة البيئة", "ministry"),
        R("والي", "والي"),
        D("سبتمبر 2023", "2023-09"),
        D("2023-2025", "2023", optional=True),
    ],
    rels=[
        rel("منير الشعري", "رئيس", "بلدية ساقية الزيت",
            ["المجلس البلدي بساقية الزيت", "البلدية"]),
        rel("سلوى بن يحيى", "رئيس", "جمعية الواحة الخضراء لحماية البيئة", ["الجمعية"]),
        rel(None, "معتمد", "ساقية الزيت"),
        rel(None, "والي", "صفاقس"),
    ],
)

ARTICLES["a13"] = dict(
    meta=dict(source="الساحل اليوم", author="هالة بن رمضان", date="2024-06-20"),
    ents=[
        EV("مهرجان المهدية الدولي للموسيقى"),
        O("الساحل اليوم", "media"),
        P("هالة بن رمضان"),
        D("الخميس 20 جوان 2024", "2024-06-20"),
        O("جمعية مهرجان المهدية الدولي للموسيقى", "association"),
        REL("أمس الأربعاء", "2024-06-19"),
        L("المهدية", "city", 0),
        L("المهدية", "province", 1),
        L("المهدية", "province", 2),
        REL("18 جويلية", "2024-07-18"),
        D("10 أوت 2024", "2024-08-10"),
        L("برج الراس", "other"),
        R("رئيس", "رئيس"),
        P("منير القاسمي"), P("القاسمي"),
        L("مصر", "country"), L("لبنان", "country"), L("الجزائر", "country"),
        L("إيطاليا", "country"),
        REL("السنة الفارطة", "2023", optional=True),
        P("الهادي بن عيسى"),
        D("1993", "1993"),
        R("المندوبة الجهوية", "المندوب الجهوي"),
        P("نجلاء الورتاني"),
        O("وزارة الشؤون الثقافية", "ministry"),
        L("معتمدية الشابة", "other"), L("معتمدية قصور الساف", "other"),
        O("الديوان الوطني للسياحة التونسية", "agency"),
        REL("الشهر المقبل", "2024-07"),
        R("والي", "والي"),
        REL("3 جوان الجاري", "2024-06-03"),
        L("بلدية المهدية", "commune"),
        O("الحماية المدنية", "agency"),
    ],
    rels=[
        rel("منير القاسمي", "رئيس", "جمعية مهرجان المهدية الدولي للموسيقى", ["الجمعية"]),
        rel("نجلاء الورتاني", "المندوب الجهوي", "المهدية"),
        rel(None, "والي", "المهدية"),
    ],
)

ARTICLES["a14"] = dict(
    meta=dict(source="صحيفة الحصن الإخبارية", date="2023-07-20"),
    ents=[
        L("إربد", "city", 0),
        L("إربد", "city", 1),
        L("إربد", "province", 2),
        O("جمعية سنابل الخير الخيرية", "association"),
        O("صحيفة الحصن الإخبارية", "media"),
        D("الخميس 20 تموز 2023", "2023-07-20"),
        D("الأربعاء 19 تموز 2023", "2023-07-19"),
        H("1 محرم 1445هـ", "2023-07-19", "1445-01-01"),
        L("لواء بني كنانة", "other"),
        O("مديرية التنمية الاجتماعية", "ministry"),
        L("محافظة إربد", "province"),
        P("خالد الربابعة"), P("الربابعة"),
        R("رئيسا", "رئيس"),
        P("سهى العمري"), R("نائبا للرئيس", "نائب الرئيس"),
        P("معاذ الشرع"), R("أمينا للسر", "أمين السر"),
        P("أحمد الزعبي"), R("أمينا للصندوق", "أمين الصندوق"),
        D("2009", "2009"),
        D("شباط 2021", "2021-02"),
        REL("آب المقبل", "2023-08"),
        L("بلدية إربد الكبرى", "commune"),
        O("وزارة التنمية الاجتماعية", "ministry"),
        O("صندوق المعونة الوطنية", "agency"),
        REL("حزيران الماضي", "2023-06"),
        L("سحم الكفارات", "other"),
        R("محافظ", "محافظ"),
        P("رضوان العتوم"),
        D("أيار 2022", "2022-05"),
        R("رئيس", "رئيس"),
        P("عماد المومني"),
        L("الأردن", "country"),
        L("عمّان", "city"),
    ],
    rels=[
        rel("خالد الربابعة", "رئيس", "جمعية سنابل الخير الخيرية", ["الجمعية"]),
        rel("سهى العمري", "نائب الرئيس", "جمعية سنابل الخير الخيرية"),
        rel("معاذ الشرع", "أمين السر", "جمعية سنابل الخير الخيرية"),
        rel("أحمد الزعبي", "أمين الصندوق", "جمعية سنابل الخير الخيرية"),
        rel("رضوان العتوم", "محافظ", "إربد", ["محافظة إربد"]),
        rel("عماد المومني", "رئيس", "بلدية إربد الكبرى", ["البلدية"]),
    ],
)

ARTICLES["a15"] = dict(
    meta=dict(source="موقع جنوبيات نت", date="2023-10-15"),
    ents=[
        O("اتحاد بلديات العرقوب", "council"),
        L("قضاء حاصبيا", "other"),
        O("موقع جنوبيات نت", "media"),
        D("الأحد ١٥ تشرين الأول ٢٠٢٣", "2023-10-15"),
        REL("أمس السبت", "2023-10-14"),
        L("بلدية حاصبيا", "commune"),
        R("وزير", "وزير"),
        R("الوزير", "وزير"),
        P("ربيع الحلبي"), P("الحلبي"),
        R("محافظ", "محافظ"),
        L("النبطية", "province"),
        P("سمير خير الدين"),
        R("رئيس", "رئيس"),
        P("فادي أبو شقرا"),
        L("الهبارية", "other"),
        O("منظمة الأغذية والزراعة للأمم المتحدة", "other"),
        O("وزارة الزراعة", "ministry"),
        D("كانون الثاني ٢٠٢٤", "2024-01"),
        D("نيسان ٢٠٢٤", "2024-04"),
        R("نائبة رئيس", "نائب الرئيس"),
        P("ريما نصر"),
        D("٢٠١٩", "2019"),
        D("١٢ آذار ٢٠٢١", "2021-03-12"),
        L("الأردن", "country"),
        L("الخليج", "other"),
        O("جمعية مزارعي وادي التيم", "association"),
        P("وليد قيس"),
        REL("أيلول الماضي", "2023-09"),
        O("مصلحة الأبحاث العلمية الزراعية", "agency"),
        L("العرقوب", "other"),
    ],
    rels=[
        rel("ربيع الحلبي", "وزير", "وزارة الزراعة"),
        rel("سمير خير الدين", "محافظ", "النبطية"),
        rel("فادي أبو شقرا", "رئيس", "اتحاد بلديات العرقوب", ["الاتحاد"]),
        rel("ريما نصر", "نائب الرئيس", "بلدية حاصبيا"),
        rel("وليد قيس", "رئيس", "جمعية مزارعي وادي التيم", ["الجمعية"]),
    ],
)

ARTICLES["a16"] = dict(
    meta=dict(source="بوابة أخبار الصعيد", author="أحمد عبد الستار", date="2024-06-11"),
    ents=[
        R("محافظ", "محافظ"),
        R("المحافظ", "محافظ", optional=True),
        L("المنيا", "province"),
        L("محافظة المنيا", "province"),
        O("مؤسسة النيل الأخضر للتنمية المجتمعية", "foundation"),
        O("مؤسسة النيل الأخضر", "foundation"),
        L("الروضة", "other"),
        O("بوابة أخبار الصعيد", "media"),
        P("أحمد عبد الستار"),
        D("٢٠٢٤/٦/١١", "2024-06-11"),
        P("حسام الدين منصور"),
        D("الثلاثاء ١١ يونيه ٢٠٢٤", "2024-06-11"),
        L("مركز ملوي", "other"),
        P("عبير الجندي"),
        R("وكيل", "وكيل وزارة"),
        O("وزارة التضامن الاجتماعي", "ministry"),
        P("طارق فهمي"),
        R("رئيس", "رئيس"),
        L("مركز ومدينة ملوي", "other"),
        R("النائب", "نائب", optional=True),
        P("محمود عبد العال"),
        R("عضو", "عضو", optional=True),
        O("مجلس النواب", "council"),
        L("دائرة ملوي", "other"),
        P("مجدي شنودة"), P("شنودة"),
        R("رئيس مجلس أمناء", "رئيس مجلس الأمناء"),
        O("جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر", "agency"),
        D("يوليه ٢٠٢٢", "2022-07"),
        P("ماهر جرجس"), R("نائبا للرئيس", "نائب الرئيس"),
        P("سامية الشريف"), R("أمينا للصندوق", "أمين الصندوق"),
        REL("يوليه المقبل", "2024-07"),
        O("مديرية التربية والتعليم", "ministry", optional=True),
        D("٣٠ يونيو ٢٠٢٣", "2023-06-30"),
        L("الصعيد", "region"),
    ],
    rels=[
        rel("حسام الدين منصور", "محافظ", "المنيا", ["محافظة المنيا"]),
        rel("عبير الجندي", "وكيل وزارة", "وزارة التضامن الاجتماعي"),
        rel("طارق فهمي", "رئيس", "مركز ومدينة ملوي"),
        rel("مجدي شنودة", "رئيس مجلس الأمناء", "مؤسسة النيل الأخضر للتنمية المجتمعية",
            ["مؤسسة النيل الأخضر", "المؤسسة"]),
        rel("ماهر جرجس", "نائب الرئيس", "مؤسسة النيل الأخضر للتنمية المجتمعية"),
        rel("سامية الشريف", "أمين الصندوق", "مؤسسة النيل الأخضر للتنمية المجتمعية"),
        rel("محمود عبد العال", "عضو", "مجلس النواب", optional=True),
    ],
)


# ---------------------------------------------------------------- machinery

class GoldError(Exception):
    pass


def is_arabic_letter(ch):
    return "\u0600" <= ch <= "\u06ff" and unicodedata.category(ch).startswith("L")


def is_digit(ch):
    return unicodedata.category(ch) == "Nd"


def boundary_ok(text, start, end, glue_left, glue_right):
    if not glue_right and end < len(text):
        nxt = text[end]
        if is_arabic_letter(nxt) or is_digit(nxt):
            return False
    if not glue_left:
        i = start
        while i > 0 and is_arabic_letter(text[i - 1]):
            i -= 1
        if text[i:start] not in PROCLITICS:
            return False
        if i > 0 and is_digit(text[i - 1]) and i == start:
            return False
    return True


def occurrences(text, surface, glue_left, glue_right):
    out, pos = [], 0
    while True:
        i = text.find(surface, pos)
        if i < 0:
            return out
        if boundary_ok(text, i, i + len(surface), glue_left, glue_right):
            out.append(i)
        pos = i + 1


def inside(spans, s, e):
    return any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)


def check_date(aid, ent, meta_date):
    v = ent.get("value")
    if v is None or not DATE_VALUE.match(v):
        raise GoldError(f"{aid}: bad DATE value {v!r} for {ent['text']!r}")
    if ent.get("relative") and not meta_date:
        raise GoldError(f"{aid}: relative date {ent['text']!r} needs meta.date")
    first = ent["text"].split()[0]
    if first in WEEKDAYS and len(v) == 10:
        wd = datetime.date.fromisoformat(v).weekday()
        if wd != WEEKDAYS[first]:
            raise GoldError(f"{aid}: {ent['text']!r} is not a {first} ({v})")
    if ent.get("calendar") == "hijri" and not ent.get("hijri_value"):
        raise GoldError(f"{aid}: hijri date {ent['text']!r} without hijri_value")


def build_article(aid, spec):
    path = os.path.join(CORPUS, aid + ".txt")
    with open(path, encoding="utf-8") as f:
        text = f.read()
    if text.startswith("\ufeff") or "\r" in text:
        raise GoldError(f"{aid}: BOM or CR in text")
    title = text.split("\n", 1)[0].strip()
    meta = {"title": title}
    meta.update(spec["meta"])

    anns = sorted(spec["ents"], key=lambda a: -len(a[1]))
    placed = []          # (start, end, entity)
    by_surface = {}
    for etype, surface, occ, kw in anns:
        kw = dict(kw)
        glue_left = kw.pop("glue_left", False)
        glue_right = kw.pop("glue_right", False)
        spans = [(s, e) for s, e, _ in placed]
        cands = [i for i in occurrences(text, surface, glue_left, glue_right)
                 if not inside(spans, i, i + len(surface))]
        if not cands:
            raise GoldError(f"{aid}: {etype} {surface!r} not found")
        if occ == "all":
            chosen = cands
        elif occ is None:
            if len(cands) != 1:
                raise GoldError(f"{aid}: {surface!r} is ambiguous ({len(cands)} occurrences)")
            chosen = cands
        else:
            if occ >= len(cands):
                raise GoldError(f"{aid}: {surface!r} has no occurrence #{occ}")
            chosen = [cands[occ]]
        for i in chosen:
            ent = {"type": etype, "start": i, "end": i + len(surface), "text": surface}
            for key in ("subtype", "value", "norm", "relative", "calendar",
                        "hijri_value", "optional"):
                if key in kw:
                    ent[key] = kw[key]
            unknown = set(kw) - {"subtype", "value", "norm", "relative", "calendar",
                                 "hijri_value", "optional"}
            if unknown:
                raise GoldError(f"{aid}: unknown fields {unknown} for {surface!r}")
            placed.append((i, i + len(surface), ent))
        by_surface.setdefault((surface, glue_left, glue_right), []).extend(chosen)

    placed.sort(key=lambda x: x[0])
    for (s1, e1, a), (s2, e2, b) in zip(placed, placed[1:]):
        if s2 < e1:
            raise GoldError(f"{aid}: overlap {a['text']!r}@{s1} / {b['text']!r}@{s2}")

    # every occurrence of an annotated surface is annotated or nested in a longer span
    spans = [(s, e) for s, e, _ in placed]
    for (surface, gl, gr), starts in by_surface.items():
        for i in occurrences(text, surface, gl, gr):
            if i in starts or inside(spans, i, i + len(surface)):
                continue
            raise GoldError(f"{aid}: occurrence of {surface!r} at {i} left unannotated")

    entities = [ent for _, _, ent in placed]
    for ent in entities:
        assert text[ent["start"]:ent["end"]] == ent["text"]
        t, opt = ent["type"], ent.get("optional")
        if t == "ORG" and ent.get("subtype") not in ORG_SUBTYPES:
            raise GoldError(f"{aid}: bad ORG subtype for {ent['text']!r}")
        if t == "LOC" and ent.get("subtype") not in LOC_SUBTYPES:
            raise GoldError(f"{aid}: bad LOC subtype for {ent['text']!r}")
        if t == "ROLE" and not ent.get("value"):
            raise GoldError(f"{aid}: ROLE {ent['text']!r} without value")
        if t == "DATE":
            check_date(aid, ent, meta.get("date"))
        if t == "EVENT" and not opt:
            raise GoldError(f"{aid}: EVENT {ent['text']!r} must be optional")

    names = {t: set() for t in ("PERSON", "ORG", "LOC", "ROLE")}
    for ent in entities:
        if ent["type"] in names:
            names[ent["type"]].add(ent.get("norm", ent["text"]))
            names[ent["type"]].add(ent["text"])
    role_values = {ent["value"] for ent in entities if ent["type"] == "ROLE"}
    for r in spec["rels"]:
        if r["person"] is not None and r["person"] not in names["PERSON"]:
            raise GoldError(f"{aid}: relation person {r['person']!r} is not an entity")
        if r["org"] is not None and r["org"] not in names["ORG"] | names["LOC"]:
            raise GoldError(f"{aid}: relation org {r['org']!r} is not an entity")
        if r["role"] not in role_values:
            raise GoldError(f"{aid}: relation role {r['role']!r} has no ROLE entity")

    return {"id": aid, "meta": meta, "entities": entities, "relations": spec["rels"]}


DATE_SYSTEMS = {
    "maghrebi months": ["ماي", "يوليوز", "غشت", "شتنبر", "نونبر", "دجنبر"],
    "algerian/tunisian months": ["جانفي", "فيفري", "أفريل", "جوان", "جويلية", "أوت"],
    "levantine months": ["كانون الثاني", "شباط", "آذار", "نيسان", "أيار", "حزيران", "تموز",
                         "آب", "أيلول", "تشرين الأول", "تشرين الثاني", "كانون الأول"],
    "egyptian months": ["يونيه", "يوليه"],
}


def date_report(records):
    """Which date forms the gold covers: month names per system and other forms."""
    dates = [(rec["id"], e) for rec in records for e in rec["entities"]
             if e["type"] == "DATE"]
    lines = []
    for system, months in DATE_SYSTEMS.items():
        seen = sorted({m for _, e in dates for m in months
                       if re.search(r"(^|[\s\d])" + m + r"($|[\s\d])", e["text"])},
                      key=months.index)
        lines.append(f"{system}: {' '.join(seen)} ({len(seen)}/{len(months)})")
    kinds = {
        "hijri": lambda e: e.get("calendar") == "hijri" and not e.get("optional"),
        "weekday+date": lambda e: (e["text"].split()[0] in WEEKDAYS and len(e["value"]) == 10
                                   and not e.get("relative")),
        "numeric": lambda e: re.fullmatch(r"[\d٠-٩]+[/-][\d٠-٩]+[/-][\d٠-٩]+", e["text"]),
        "relative": lambda e: e.get("relative") and not e.get("optional"),
        "year only": lambda e: re.fullmatch(r"[\d٠-٩]{4}", e["text"]),
        "arabic-indic digits": lambda e: re.search("[٠-٩]", e["text"]),
    }
    for name, pred in kinds.items():
        ids = sorted({aid for aid, e in dates if pred(e)})
        n = sum(1 for _, e in dates if pred(e))
        lines.append(f"{name}: {n} in {','.join(ids)}")
    return lines


def main():
    check_only = "--check" in sys.argv[1:]
    records = [build_article(aid, ARTICLES[aid]) for aid in sorted(ARTICLES)]
    counts, rels = {}, 0
    for rec in records:
        for ent in rec["entities"]:
            key = ent["type"] + ("(optional)" if ent.get("optional") else "")
            counts[key] = counts.get(key, 0) + 1
        rels += sum(1 for r in rec["relations"] if not r.get("optional"))
    if not check_only:
        with open(OUT, "w", encoding="utf-8", newline="\n") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    for k in sorted(counts):
        print(f"{k}\t{counts[k]}")
    print(f"non-optional entities\t{sum(v for k, v in counts.items() if '(' not in k)}")
    print(f"relations (non-optional)\t{rels}")
    print(f"articles\t{len(records)}")
    for rec in records:
        n = sum(1 for e in rec["entities"] if not e.get("optional"))
        types = sorted({e["type"] for e in rec["entities"] if not e.get("optional")})
        r = sum(1 for x in rec["relations"] if not x.get("optional"))
        print(f"  {rec['id']}: {n} entities ({' '.join(types)}), {r} relations")
    for line in date_report(records):
        print(line)


if __name__ == "__main__":
    try:
        main()
    except GoldError as e:
        sys.exit(f"corpus_gold_a: {e}")
