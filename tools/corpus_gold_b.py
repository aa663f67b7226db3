#!/usr/bin/env python3
"""Build corpus/gold_b.jsonl from the hand annotations below.

Each article lists its annotations as (type, surface, occurrence, extra fields).
The occurrence selects among the places where the surface occurs as a whole
token sequence (a glued proclitic و ف ب ل ك before it is allowed, and digits
may touch letters), leaving out those inside an occurrence of a longer
annotated surface (nested names are not entities):
  None   the surface must occur exactly once;
  int    the n-th occurrence (0-based);
  list   several occurrences by index;
  "all"  every occurrence that is not inside a longer annotated span.
Offsets are Unicode code points into corpus/<id>.txt. The script fails when a
surface is missing, an occurrence is ambiguous, spans overlap, or a relation
names something that is not annotated. Warnings list occurrences of annotated
names that are left unannotated, so that repeats are not missed.

Usage: python3 tools/corpus_gold_b.py [--check]
"""
import json
import os
import re
import sys

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
CORPUS = os.path.join(ROOT, "corpus")
OUT = os.path.join(CORPUS, "gold_b.jsonl")

CLITICS = "وفبلك"
ORG_SUBTYPES = {"association", "foundation", "council", "ministry", "party", "media",
                "club", "company", "agency", "university", "other"}
LOC_SUBTYPES = {"country", "region", "province", "commune", "city", "douar", "other"}
DATE_VALUE = re.compile(
    r"^(?:\d{4}|XXXX)(?:-\d{2}(?:-\d{2})?)?(?:/\d{4}(?:-\d{2}(?:-\d{2})?)?)?$")


def E(etype, surface, occ=None, **extra):
    return (etype, surface, occ, extra)


def R(person, role, org, org_alt=None, optional=False):
    rel = {"person": person, "role": role, "org": org}
    if org_alt:
        rel["org_alt"] = list(org_alt)
    if optional:
        rel["optional"] = True
    return rel


def ORG(surface, subtype, occ=None, **kw):
    return E("ORG", surface, occ, subtype=subtype, **kw)


def LOC(surface, subtype, occ=None, **kw):
    return E("LOC", surface, occ, subtype=subtype, **kw)


def PER(surface, occ=None, **kw):
    return E("PERSON", surface, occ, **kw)


def ROLE(surface, value, occ=None, **kw):
    return E("ROLE", surface, occ, value=value, **kw)


def DATE(surface, value, occ=None, **kw):
    return E("DATE", surface, occ, value=value, **kw)


def REL(surface, value, occ=None, **kw):
    """A relative date, resolved against meta.date."""
    return E("DATE", surface, occ, value=value, relative=True, **kw)


def HIJRI(surface, value, hijri_value, occ=None, **kw):
    return E("DATE", surface, occ, value=value, calendar="hijri",
             hijri_value=hijri_value, **kw)


def OPT(etype, surface, occ=None, **kw):
    return E(etype, surface, occ, optional=True, **kw)


ARTICLES = {}

# --- b01: Taounate, association general assembly -------------------------------
ARTICLES["b01"] = {
    "meta": {"source": "بوابة ورغة بريس", "author": "سعاد المرابط", "date": "2024-11-09"},
    "entities": [
        ORG("جمعية أمل ورغة للتنمية القروية", "association", "all"),
        LOC("إقليم تاونات", "province", "all"),
        ORG("بوابة ورغة بريس", "media", "all"),
        LOC("تاونات", "city", "all"),
        DATE("09 نونبر 2024", "2024-11-09"),
        PER("سعاد المرابط"),
        DATE("السبت 9 نونبر 2024", "2024-11-09"),
        LOC("جماعة عين الكرمة العليا", "commune", "all"),
        ROLE("الرئيس", "رئيس"),
        PER("عبد الرحيم الوزاني"),
        DATE("2016", "2016"),
        LOC("دوار أولاد بوسلهام", "douar", "all"),
        LOC("دوار تافرانت الفوقي", "douar"),
        ORG("المجلس الإقليمي لتاونات", "council"),
        ORG("مجلس جماعة عين الكرمة العليا", "council"),
        PER("الحسين البوعزاوي"),
        PER("البوعزاوي", "all", norm="الحسين البوعزاوي"),
        ROLE("رئيسا", "رئيس"),
        ROLE("نائبة الرئيس", "نائب الرئيس"),
        PER("نعيمة الغماري", "all"),
        ROLE("الكاتب العام", "الكاتب العام"),
        PER("أنس بلفقيه"),
        ROLE("أمين المال", "أمين المال"),
        PER("محمد أمين الصنهاجي"),
        OPT("ROLE", "مستشارين", value="مستشار"),
        REL("الأحد 24 نونبر الجاري", "2024-11-24"),
        ORG("المندوبية الإقليمية لوزارة الصحة والحماية الاجتماعية", "ministry"),
        DATE("أكتوبر 2023", "2023-10"),
        ORG("مؤسسة التعاون الوطني", "agency"),
        OPT("ORG", "فيسبوك", subtype="company"),
    ],
    "relations": [
        R("الحسين البوعزاوي", "رئيس", "جمعية أمل ورغة للتنمية القروية", ["الجمعية"]),
        R("نعيمة الغماري", "نائب الرئيس", "جمعية أمل ورغة للتنمية القروية", ["الجمعية"]),
        R("أنس بلفقيه", "الكاتب العام", "جمعية أمل ورغة للتنمية القروية", ["الجمعية"]),
        R("محمد أمين الصنهاجي", "أمين المال", "جمعية أمل ورغة للتنمية القروية", ["الجمعية"]),
        R("عبد الرحيم الوزاني", "رئيس", "جمعية أمل ورغة للتنمية القروية", ["الجمعية"],
          optional=True),
    ],
}

# --- b02: Errachidia, festival announced by an association -----------------------
ARTICLES["b02"] = {
    "meta": {"source": "تافيلالت أنفو 24", "date": "2023-08-14"},
    "entities": [
        LOC("الرشيدية", "city", [0, 1, 2]),
        LOC("الرشيدية", "province", 3),
        OPT("EVENT", "مهرجان واحة زيز للفنون الشعبية", "all"),
        ORG("تافيلالت أنفو 24", "media"),
        DATE("14 غشت 2023", "2023-08-14"),
        ORG("جمعية واحة زيز للثقافة والتراث", "association"),
        DATE("من 12 إلى 15 شتنبر 2023", "2023-09-12/2023-09-15"),
        ORG("مجلس جهة درعة تافيلالت", "council"),
        ORG("المجلس الجماعي للرشيدية", "council"),
        ORG("المجلس الإقليمي للرشيدية", "council"),
        ROLE("رئيس", "رئيس", "all"),
        PER("رشيد أيت عدي"),
        PER("أيت عدي", "all", norm="رشيد أيت عدي"),
        REL("قبل يومين", "2023-08-12"),
        ORG("غرفة التجارة والصناعة والخدمات لجهة درعة تافيلالت", "other"),
        LOC("ميدلت", "province"),
        LOC("تنغير", "province"),
        LOC("زاكورة", "province"),
        LOC("ورزازات", "province"),
        LOC("موريتانيا", "country"),
        LOC("السنغال", "country"),
        LOC("ساحة مولاي علي الشريف", "other"),
        ORG("تعاونية نخيل تافيلالت النسائية", "company"),
        ORG("تعاونية أزهار المجهول", "company"),
        LOC("أرفود", "city"),
        ORG("كلية العلوم والتقنيات بالرشيدية", "university"),
        REL("العام الماضي", "2022"),
        ROLE("والي", "والي"),
        LOC("جهة درعة تافيلالت", "region", "all"),
        ROLE("عامل", "عامل"),
        LOC("إقليم الرشيدية", "province"),
        OPT("ORG", "مجلس الجهة", subtype="council"),
        ROLE("الكاتبة العامة", "الكاتب العام"),
        PER("خديجة الفيلالي"),
        DATE("31/08/2023", "2023-08-31"),
        PER("بناصر أوحساين"),
        DATE("2009", "2009"),
        LOC("قصر أولاد الزهراء", "douar"),
        LOC("جماعة تيغمرت السفلى", "commune"),
        LOC("وادي زيز", "other"),
        OPT("ORG", "فيسبوك", subtype="company"),
        OPT("ORG", "تويتر", subtype="company"),
    ],
    "relations": [
        R("رشيد أيت عدي", "رئيس", "جمعية واحة زيز للثقافة والتراث", ["الجمعية"]),
        R("خديجة الفيلالي", "الكاتب العام", "جمعية واحة زيز للثقافة والتراث", ["الجمعية"]),
        R(None, "والي", "جهة درعة تافيلالت"),
        R(None, "عامل", "إقليم الرشيدية"),
        R(None, "رئيس", "مجلس جهة درعة تافيلالت", ["مجلس الجهة"]),
    ],
}

# --- b03: Oujda, training day at a faculty (Arabic-Indic digits) -----------------
ARTICLES["b03"] = {
    "meta": {"source": "الشرق بريس", "author": "يونس بنعمرو", "date": "2023-10-13"},
    "entities": [
        LOC("وجدة", "city", "all"),
        ORG("الشرق بريس", "media"),
        DATE("١٣ أكتوبر ٢٠٢٣", "2023-10-13"),
        PER("يونس بنعمرو"),
        ORG("كلية الآداب والعلوم الإنسانية بوجدة", "university"),
        ORG("جامعة محمد الأول", "university", "all"),
        DATE("الخميس ١٢ أكتوبر ٢٠٢٣", "2023-10-12"),
        ORG("جمعية آفاق الشرق للتنمية والمواطنة", "association", "all"),
        ORG("اللجنة الإقليمية للتنمية البشرية", "council"),
        LOC("بني درار", "commune"),
        LOC("سيدي موسى لمهاية", "commune"),
        OPT("ROLE", "ممثل", "all", value="ممثل"),
        ROLE("عامل", "عامل"),
        LOC("عمالة وجدة أنجاد", "province"),
        ROLE("عميد", "عميد"),
        PER("عبد الإله بنحدو"),
        PER("بنحدو", "all", norm="عبد الإله بنحدو"),
        DATE("٢٠٢٣-٢٠٢٧", "2023/2027"),
        ROLE("رئيسة", "رئيس"),
        PER("وفاء الزروالي"),
        PER("الزروالي", "all", norm="وفاء الزروالي"),
        DATE("فبراير ٢٠٢١", "2021-02"),
        REL("اليوم", "2023-10-13"),
        ORG("المبادرة الوطنية للتنمية البشرية", "other"),
        PER("مراد القندوسي"),
        ROLE("المنسقة الإقليمية", "المنسق الإقليمي"),
        OPT("ORG", "منصة الشباب", subtype="other"),
        PER("سلمى العبدلاوي"),
        ORG("الوكالة الوطنية لإنعاش التشغيل والكفاءات", "agency"),
        DATE("٢٥ و٢٦ نونبر ٢٠٢٣", "2023-11-25/2023-11-26"),
        LOC("جرادة", "city"),
        ORG("المجلس الإقليمي لجرادة", "council"),
    ],
    "relations": [
        R("عبد الإله بنحدو", "عميد", "كلية الآداب والعلوم الإنسانية بوجدة", ["الكلية"]),
        R("وفاء الزروالي", "رئيس", "جمعية آفاق الشرق للتنمية والمواطنة"),
        R(None, "عامل", "عمالة وجدة أنجاد"),
        R("سلمى العبدلاوي", "المنسق الإقليمي", "منصة الشباب", optional=True),
    ],
}

# --- b04: Chtouka Ait Baha, argan cooperatives ------------------------------------
ARTICLES["b04"] = {
    "meta": {"source": "ماسة بريس", "author": "عبد الغني أوبلا", "date": "2024-06-14"},
    "entities": [
        LOC("اشتوكة آيت باها", "province", "all"),
        ORG("ماسة بريس", "media"),
        DATE("الجمعة 14 يونيو 2024", "2024-06-14"),
        PER("عبد الغني أوبلا"),
        ORG("المديرية الجهوية للفلاحة لسوس ماسة", "ministry"),
        DATE("الأربعاء 12 يونيو 2024", "2024-06-12"),
        ORG("المجلس الإقليمي لاشتوكة آيت باها", "council"),
        LOC("جماعة إداوكنضيف العليا", "commune"),
        ORG("وزارة الفلاحة والصيد البحري والتنمية القروية والمياه والغابات", "ministry"),
        ORG("تعاونية تيفاوين للأركان", "company", "all"),
        LOC("دوار تاوريرت نلحسن", "douar"),
        ROLE("رئيس", "رئيس"),
        OPT("ORG", "المجلس الإقليمي", "all", subtype="council"),
        PER("لحسن أوعابد"),
        PER("أوعابد", "all", norm="لحسن أوعابد"),
        ROLE("قائد", "قائد"),
        LOC("قيادة إداوكنضيف", "other"),
        ORG("الغرفة الفلاحية لجهة سوس ماسة", "other", "all"),
        ROLE("رئيسة", "رئيس"),
        PER("فاطمة أيت الطالب"),
        REL("ماي الماضي", "2024-05"),
        DATE("2023-05-12", "2023-05-12"),
        OPT("EVENT", "المعرض الدولي للفلاحة"),
        LOC("مكناس", "city"),
        ROLE("نائبة رئيسة", "نائب الرئيس"),
        ORG("تعاونية أكناري", "company"),
        PER("زهرة إدبلقاس"),
        REL("الأربعاء المقبل", "2024-06-19"),
        LOC("أكادير", "city", "all"),
        REL("يوليوز المقبل", "2024-07"),
        LOC("تزنيت", "city"),
        LOC("جهة سوس ماسة", "region", "all"),
    ],
    "relations": [
        R("لحسن أوعابد", "رئيس", "المجلس الإقليمي لاشتوكة آيت باها", ["المجلس الإقليمي"]),
        R("فاطمة أيت الطالب", "رئيس", "تعاونية تيفاوين للأركان", ["التعاونية"]),
        R("زهرة إدبلقاس", "نائب الرئيس", "تعاونية أكناري"),
        R(None, "قائد", "قيادة إداوكنضيف"),
    ],
}

# --- b05: Larache, Hijri new year celebration ------------------------------------
ARTICLES["b05"] = {
    "meta": {"source": "اللوكوس بريس", "date": "2024-07-09"},
    "entities": [
        LOC("العرائش", "city", "all"),
        ORG("جمعية نور اللوكوس للتربية والعمل الاجتماعي", "association"),
        ORG("جمعية نور اللوكوس", "association", "all"),
        ORG("اللوكوس بريس", "media"),
        DATE("الثلاثاء 9 يوليوز 2024", "2024-07-09"),
        REL("أمس", "2024-07-08"),
        HIJRI("فاتح محرم 1446", "2024-07-08", "1446-01-01"),
        DATE("الاثنين 8 يوليوز 2024", "2024-07-08"),
        ROLE("باشا", "باشا"),
        ROLE("رئيس", "رئيس", "all"),
        ORG("المجلس العلمي المحلي للعرائش", "council"),
        PER("عبد الواحد الشنتوف"),
        PER("الشنتوف", "all", norm="عبد الواحد الشنتوف"),
        ROLE("المندوب الإقليمي", "المندوب الإقليمي"),
        ORG("وزارة الأوقاف والشؤون الإسلامية", "ministry"),
        ORG("المجلس الجماعي للعرائش", "council"),
        PER("محمد الأمين الغرباوي"),
        PER("الغرباوي", "all", norm="محمد الأمين الغرباوي"),
        DATE("دجنبر 2009", "2009-12"),
        LOC("دوار الخروب", "douar"),
        LOC("جماعة الغدير الأخضر", "commune"),
        HIJRI("27 رمضان 1445 هـ", "2024-04-07", "1445-09-27"),
        OPT("LOC", "المسجد الأعظم", subtype="other"),
        LOC("القصر الكبير", "city"),
        LOC("أصيلة", "city"),
        ORG("مؤسسة محمد الخامس للتضامن", "foundation"),
        PER("آية الزبيدي"),
        ROLE("الكاتبة العامة", "الكاتب العام"),
        PER("سناء المودن"),
        REL("15 يوليوز الجاري", "2024-07-15"),
        REL("31 غشت المقبل", "2024-08-31"),
        LOC("إقليم العرائش", "province"),
    ],
    "relations": [
        R("محمد الأمين الغرباوي", "رئيس", "جمعية نور اللوكوس للتربية والعمل الاجتماعي",
          ["جمعية نور اللوكوس", "الجمعية"]),
        R("سناء المودن", "الكاتب العام", "جمعية نور اللوكوس للتربية والعمل الاجتماعي",
          ["جمعية نور اللوكوس", "الجمعية"]),
        R("عبد الواحد الشنتوف", "رئيس", "المجلس العلمي المحلي للعرائش"),
        R(None, "باشا", "العرائش"),
        R(None, "المندوب الإقليمي", "وزارة الأوقاف والشؤون الإسلامية"),
        R(None, "رئيس", "المجلس الجماعي للعرائش"),
    ],
}

# --- b06: Kasba Tadla, handball club general assembly -----------------------------
CLUB06 = "نادي النجم الرياضي لقصبة تادلة لكرة اليد"
ARTICLES["b06"] = {
    "meta": {"source": "بني ملال أونلاين", "date": "2019-09-22"},
    "entities": [
        ORG(CLUB06, "club"),
        ORG("نادي النجم الرياضي لقصبة تادلة", "club", "all"),
        ORG("بني ملال أونلاين", "media"),
        DATE("الأحد 22 شتنبر 2019م", "2019-09-22"),
        DATE("السبت 21 شتنبر 2019م", "2019-09-21"),
        ORG("لمجلس الجماعي لقصبة تادلة", "council", norm="المجلس الجماعي لقصبة تادلة"),
        ORG("المجلس الجماعي لقصبة تادلة", "council"),
        LOC("إقليم بني ملال", "province"),
        ORG("المديرية الإقليمية لوزارة الشباب والرياضة", "ministry"),
        LOC("بني ملال", "city", "all"),
        DATE("2018-2019", "2018/2019"),
        PER("عزيز المنصوري"),
        PER("المنصوري", "all", norm="عزيز المنصوري"),
        ROLE("رئيسا", "رئيس"),
        PER("بوشعيب الكرومي"),
        DATE("2011", "2011"),
        PER("سعيد أيت الحاج"),
        ROLE("نائبا للرئيس", "نائب الرئيس"),
        PER("مريم الشرقاوي"),
        ROLE("كاتبة عامة", "الكاتب العام"),
        PER("عبد الحق بنزهرة"),
        ROLE("أمينا للمال", "أمين المال"),
        PER("يوسف الفطواكي"),
        ROLE("مستشارا", "مستشار"),
        ROLE("رئيس", "رئيس"),
        ORG("مجلس جهة بني ملال خنيفرة", "council"),
        ROLE("المدرب", "مدرب"),
        PER("محمد بلكبير"),
        REL("اليوم الأحد", "2019-09-22"),
        LOC("قصبة تادلة", "city", "all"),
        REL("12 أكتوبر المقبل", "2019-10-12"),
        ORG("الجامعة الملكية المغربية لكرة اليد", "other"),
        DATE("1987م", "1987"),
        OPT("EVENT", "كأس العرش"),
    ],
    "relations": [
        R("عزيز المنصوري", "رئيس", CLUB06, ["نادي النجم الرياضي لقصبة تادلة", "النادي"]),
        R("سعيد أيت الحاج", "نائب الرئيس", CLUB06, ["نادي النجم الرياضي لقصبة تادلة"]),
        R("مريم الشرقاوي", "الكاتب العام", CLUB06, ["نادي النجم الرياضي لقصبة تادلة"]),
        R("عبد الحق بنزهرة", "أمين المال", CLUB06, ["نادي النجم الرياضي لقصبة تادلة"]),
        R("يوسف الفطواكي", "مستشار", CLUB06, ["نادي النجم الرياضي لقصبة تادلة"]),
        R("محمد بلكبير", "مدرب", CLUB06, ["الفريق"]),
        R(None, "رئيس", "المجلس الجماعي لقصبة تادلة"),
        R("بوشعيب الكرومي", "رئيس", CLUB06, ["النادي"], optional=True),
    ],
}

# --- b07: Chefchaouen province, commune council budget session --------------------
ARTICLES["b07"] = {
    "meta": {"source": "شفشاون بريس 24", "author": "حمزة العلمي", "date": "2024-10-03"},
    "entities": [
        ORG("مجلس جماعة تيغزة أوفلا", "council", "all"),
        DATE("2025", "2025", "all"),
        OPT("DATE", "أكتوبر", "all", value="2024-10"),
        ORG("شفشاون بريس 24", "media"),
        PER("حمزة العلمي"),
        DATE("الخميس، 3 أكتوبر 2024", "2024-10-03"),
        LOC("إقليم شفشاون", "province"),
        REL("اليوم الخميس", "2024-10-03"),
        ROLE("رئيس", "رئيس", "all"),
        PER("عبد الكريم الأندلسي"),
        ROLE("قائد", "قائد"),
        LOC("قيادة باب برد", "other"),
        LOC("دوار أمكاسو", "douar", "all"),
        LOC("دوار تازيات العليا", "douar"),
        ROLE("النائب الأول للرئيس", "نائب الرئيس"),
        PER("رضوان الخمليشي"),
        ORG("المجلس الإقليمي لشفشاون", "council"),
        ORG("وكالة تنمية أقاليم الشمال", "agency"),
        REL("دجنبر المقبل", "2024-12"),
        ORG("جمعية إشراقة الجبل للتنمية والتعاون", "association"),
        ROLE("رئيسة", "رئيس"),
        OPT("ORG", "لجنة المرافق العمومية والخدمات", subtype="other"),
        ROLE("المستشارة", "مستشار"),
        PER("سهام أعراب"),
        ROLE("المستشار", "مستشار"),
        PER("إدريس بوزيان"),
        REL("غشت الماضي", "2024-08"),
        ORG("المكتب الوطني للكهرباء والماء الصالح للشرب", "agency"),
        REL("غدا الجمعة", "2024-10-04"),
        OPT("ORG", "فيسبوك", subtype="company"),
    ],
    "relations": [
        R("عبد الكريم الأندلسي", "رئيس", "مجلس جماعة تيغزة أوفلا", ["المجلس", "الجماعة"]),
        R("رضوان الخمليشي", "نائب الرئيس", "مجلس جماعة تيغزة أوفلا", ["المجلس"]),
        R("سهام أعراب", "مستشار", "مجلس جماعة تيغزة أوفلا", ["المجلس"]),
        R("إدريس بوزيان", "مستشار", "مجلس جماعة تيغزة أوفلا", ["المجلس"]),
        R(None, "قائد", "قيادة باب برد"),
        R("سهام أعراب", "رئيس", "لجنة المرافق العمومية والخدمات", optional=True),
    ],
}

# --- b08: Al Haouz, foundation hands over classrooms ------------------------------
ARTICLES["b08"] = {
    "meta": {"source": "الأطلس الكبير نيوز", "date": "2023-12-16"},
    "entities": [
        ORG("مؤسسة أمنية للتربية والتنمية", "foundation", "all"),
        LOC("إقليم الحوز", "province", "all"),
        ORG("الأطلس الكبير نيوز", "media"),
        DATE("السبت، 16 دجنبر 2023", "2023-12-16"),
        DATE("الخميس 14 دجنبر 2023", "2023-12-14"),
        ORG("مجموعة مدارس تيغرمت نوامان", "other"),
        LOC("جماعة إمي ن تالا الوسطى", "commune", "all"),
        DATE("8 شتنبر 2023", "2023-09-08"),
        ROLE("المدير الإقليمي", "المدير الإقليمي", "all"),
        ORG("وزارة التربية الوطنية والتعليم الأولي والرياضة", "ministry"),
        LOC("الحوز", "province", "all"),
        ROLE("رئيس", "رئيس"),
        ORG("مجلس جماعة إمي ن تالا الوسطى", "council"),
        PER("أحمد الشرادي"),
        PER("الشرادي", "all", norm="أحمد الشرادي"),
        LOC("دوار تيغرمت نوامان", "douar"),
        LOC("دوار أزكور العالي", "douar"),
        ROLE("رئيسة", "رئيس"),
        PER("ليلى أمزيان الحسني"),
        LOC("فرنسا", "country"),
        LOC("بلجيكا", "country"),
        ORG("مكتب التكوين المهني وإنعاش الشغل", "agency"),
        DATE("2011", "2011"),
        DATE("17/09/2023", "2023-09-17"),
        DATE("2024", "2024"),
        ORG("الصندوق الخاص بتدبير الآثار المترتبة على الزلزال", "other"),
        REL("الاثنين المقبل", "2023-12-18"),
        ROLE("أمينة مال", "أمين المال"),
        PER("نادية الكتاني"),
        DATE("يناير 2024", "2024-01"),
        ORG("جمعية أطباء الأطلس الكبير التطوعية", "association"),
        LOC("أمزميز", "city"),
        LOC("إيجوكاك", "commune"),
    ],
    "relations": [
        R("ليلى أمزيان الحسني", "رئيس", "مؤسسة أمنية للتربية والتنمية", ["المؤسسة"]),
        R("نادية الكتاني", "أمين المال", "مؤسسة أمنية للتربية والتنمية", ["المؤسسة"]),
        R("أحمد الشرادي", "رئيس", "مجلس جماعة إمي ن تالا الوسطى", ["الجماعة"]),
        R(None, "المدير الإقليمي", "وزارة التربية الوطنية والتعليم الأولي والرياضة"),
    ],
}

# --- b09: Ifrane, wildfire prevention training ------------------------------------
ASSO09 = "جمعية أصدقاء الأرز للبيئة والتنمية المستدامة"
ARTICLES["b09"] = {
    "meta": {"source": "جريدة الأطلس المتوسط الإلكترونية", "author": "كريمة الوردي",
             "date": "2022-06-08"},
    "entities": [
        LOC("إفران", "city", "all"),
        ORG(ASSO09, "association"),
        ORG("جمعية أصدقاء الأرز للبيئة", "association", "all"),
        ORG("جريدة الأطلس المتوسط الإلكترونية", "media"),
        DATE("08/06/2022", "2022-06-08"),
        PER("كريمة الوردي"),
        ORG("المديرية الإقليمية للمياه والغابات", "agency"),
        LOC("جماعة تيمحضيت", "commune", "all"),
        LOC("جماعة بن صميم", "commune"),
        LOC("دوار آيت عبو نعلي", "douar"),
        REL("السبت والأحد 4 و5 يونيو الجاري", "2022-06-04/2022-06-05"),
        LOC("رأس الماء", "other"),
        ROLE("رئيس", "رئيس", [0, 1]),
        PER("مصطفى أوحدو"),
        REL("العام الماضي", "2021"),
        DATE("ماي 2019م", "2019-05"),
        ORG("الوقاية المدنية", "agency"),
        ORG("الوكالة الوطنية للمياه والغابات", "agency"),
        ORG("مجلس جماعة تيمحضيت", "council"),
        PER("سعيد الحمداوي"),
        REL("يونيو الجاري", "2022-06"),
        ORG("الأطلس المتوسط", "media", None, norm="جريدة الأطلس المتوسط الإلكترونية"),
        ROLE("نائبة رئيس", "نائب الرئيس"),
        PER("حنان أزرقان"),
        DATE("من 15 يونيو إلى 30 شتنبر 2022", "2022-06-15/2022-09-30"),
        LOC("خنيفرة", "province"),
        LOC("ميدلت", "province"),
        REL("غشت المقبل", "2022-08"),
        ROLE("عامل صاحب الجلالة", "عامل"),
        LOC("إقليم إفران", "province"),
        LOC("جهة فاس مكناس", "region"),
    ],
    "relations": [
        R("مصطفى أوحدو", "رئيس", ASSO09, ["جمعية أصدقاء الأرز للبيئة", "الجمعية"]),
        R("حنان أزرقان", "نائب الرئيس", ASSO09, ["جمعية أصدقاء الأرز للبيئة", "الجمعية"]),
        R("سعيد الحمداوي", "رئيس", "مجلس جماعة تيمحضيت", ["الجماعة"]),
        R(None, "عامل", "إقليم إفران"),
    ],
}

# --- b10: Tizi Ouzou (Algeria), village association ------------------------------
ASSO10 = "جمعية تاجماعت للتنمية القروية"
APC10 = "المجلس الشعبي البلدي لبلدية إفرحونن"
ARTICLES["b10"] = {
    "meta": {"source": "يومية الأطلس الجزائري", "author": "مراد آيت أوعمر",
             "date": "2023-02-12"},
    "entities": [
        LOC("تيزي وزو", "city", "all"),
        ORG(ASSO10, "association", "all"),
        ORG("يومية الأطلس الجزائري", "media"),
        DATE("الأحد 12 فيفري 2023", "2023-02-12"),
        PER("مراد آيت أوعمر"),
        REL("أول أمس", "2023-02-10"),
        ORG("دار الثقافة مولود معمري", "other"),
        LOC("واضية", "other"),
        LOC("عين الحمام", "other"),
        ORG("مديرية الموارد المائية لولاية تيزي وزو", "ministry"),
        ROLE("رئيس", "رئيس", "all"),
        PER("أعمر بلقاسمي"),
        PER("بلقاسمي", "all", norm="أعمر بلقاسمي"),
        ORG(APC10, "council", "all"),
        ORG("المجلس الشعبي الولائي لتيزي وزو", "council"),
        LOC("فرنسا", "country"),
        REL("مارس المقبل", "2023-03"),
        LOC("قرية ثاوريرث أمقران", "douar"),
        DATE("جوان 2023", "2023-06"),
        DATE("جانفي 2015", "2015-01"),
        OPT("ROLE", "الرئاسة", value="رئيس"),
        PER("وردية حمداني"),
        ROLE("نائبة للرئيس", "نائب الرئيس"),
        PER("كريم أوسعيد"),
        ROLE("أمينا عاما", "الأمين العام"),
        PER("نبيل شرفي"),
        ROLE("أمينا للمال", "أمين المال"),
        PER("محند أرزقي زروقي"),
        ROLE("والي", "والي"),
        LOC("ولاية تيزي وزو", "province", "all"),
        DATE("أفريل 2022", "2022-04"),
        ROLE("مدير", "مدير"),
        OPT("DATE", "جويلية", value="XXXX-07"),
        OPT("DATE", "أوت", value="XXXX-08"),
    ],
    "relations": [
        R("أعمر بلقاسمي", "رئيس", ASSO10, ["الجمعية"]),
        R("وردية حمداني", "نائب الرئيس", ASSO10, ["الجمعية"]),
        R("كريم أوسعيد", "الأمين العام", ASSO10, ["الجمعية"]),
        R("نبيل شرفي", "أمين المال", ASSO10, ["الجمعية"]),
        R("محند أرزقي زروقي", "رئيس", APC10, ["البلدية"]),
        R(None, "والي", "ولاية تيزي وزو"),
        R(None, "مدير", "مديرية الموارد المائية لولاية تيزي وزو"),
    ],
}

# --- b11: Setif (Algeria), basketball club ----------------------------------------
CLUB11 = "نادي اتحاد الهضاب لكرة السلة"
ARTICLES["b11"] = {
    "meta": {"source": "الهضاب نيوز", "date": "2024-07-04"},
    "entities": [
        LOC("سطيف", "city", "all"),
        ORG(CLUB11, "club", "all"),
        ORG("الهضاب نيوز", "media"),
        DATE("2024-07-04", "2024-07-04"),
        DATE("الثلاثاء 2 جويلية 2024", "2024-07-02"),
        ORG("مديرية الشباب والرياضة لولاية سطيف", "ministry"),
        PER("عبد الحميد بوعافية"),
        PER("بوعافية", "all", norm="عبد الحميد بوعافية"),
        ROLE("رئيسا", "رئيس"),
        DATE("2028", "2028"),
        PER("فاتح بن زيادي"),
        OPT("ROLE", "الرئيس", "all", value="رئيس"),
        OPT("ROLE", "ممثل", value="ممثل"),
        ORG("الرابطة الولائية لكرة السلة", "other"),
        REL("31 ماي الماضي", "2024-05-31"),
        DATE("2023-2024", "2023/2024"),
        REL("جوان الماضي", "2024-06"),
        DATE("1994", "1994"),
        PER("ليلى مسعودي"),
        ROLE("نائبة للرئيس", "نائب الرئيس"),
        PER("عبد الرزاق قرفي"),
        ROLE("أمينا عاما", "الأمين العام"),
        PER("سمير بلعربي"),
        ROLE("أمينا للمال", "أمين المال"),
        OPT("ROLE", "اللاعب الدولي السابق", value="لاعب"),
        PER("يزيد حمادوش"),
        REL("جويلية", "2024-07"),
        ROLE("رئيس", "رئيس"),
        ORG("المجلس الشعبي البلدي لبلدية سطيف", "council"),
        LOC("عين الدفلى", "city"),
        DATE("من 10 إلى 24 أوت 2024", "2024-08-10/2024-08-24"),
        LOC("الجزائر العاصمة", "city"),
        REL("سبتمبر القادم", "2024-09"),
        REL("قبل يومين", "2024-07-02"),
        ROLE("مدير", "مدير"),
        LOC("ولاية سطيف", "province", "all"),
    ],
    "relations": [
        R("عبد الحميد بوعافية", "رئيس", CLUB11, ["النادي"]),
        R("ليلى مسعودي", "نائب الرئيس", CLUB11, ["النادي"]),
        R("عبد الرزاق قرفي", "الأمين العام", CLUB11, ["النادي"]),
        R("سمير بلعربي", "أمين المال", CLUB11, ["النادي"]),
        R(None, "رئيس", "المجلس الشعبي البلدي لبلدية سطيف"),
        R(None, "مدير", "مديرية الشباب والرياضة لولاية سطيف"),
        R("فاتح بن زيادي", "رئيس", CLUB11, ["النادي"], optional=True),
    ],
}

# --- b12: Sfax (Tunisia), heritage association ------------------------------------
ASSO12 = "جمعية باب الديوان للتراث والفنون"
ARTICLES["b12"] = {
    "meta": {"source": "موقع صدى الجنوب", "date": "2023-04-18"},
    "entities": [
        LOC("صفاقس", "city", [0, 1, 2]),
        LOC("صفاقس", "province", 3),
        ORG(ASSO12, "association", "all"),
        ORG("موقع صدى الجنوب", "media"),
        DATE("18 أفريل 2023", "2023-04-18"),
        DATE("الاثنين 17 أفريل 2023", "2023-04-17"),
        ORG("المعهد الوطني للتراث", "agency"),
        LOC("بلدية صفاقس", "commune", "all"),
        ORG("الاتحاد الأوروبي", "other"),
        ROLE("رئيسة", "رئيس", "all"),
        PER("منية الشعري", "all"),
        PER("الشعري", "all", norm="منية الشعري"),
        LOC("دار الجلولي", "other"),
        REL("جوان القادم", "2023-06"),
        DATE("ديسمبر 2023", "2023-12"),
        LOC("نهج الباي", "other"),
        LOC("نهج الديوان", "other"),
        LOC("ولاية صفاقس", "province"),
        ROLE("والي", "والي"),
        REL("قبل يومين", "2023-04-16"),
        ROLE("رئيس", "رئيس"),
        ORG("النيابة الخصوصية لبلدية صفاقس", "council"),
        REL("جانفي الماضي", "2023-01"),
        OPT("EVENT", "مهرجان ليالي المدينة"),
        DATE("2021", "2021"),
        LOC("سقيفة الكحلة", "other"),
        LOC("المهدية", "city", "all"),
        ORG("جمعية أصدقاء التراث بالمهدية", "association"),
        REL("فيفري الماضي", "2023-02"),
        PER("أنيس بن حميدة"),
        ROLE("نائبا للرئيس", "نائب الرئيس"),
        PER("رحمة القلال"),
        ROLE("كاتبة عامة", "الكاتب العام"),
        PER("هشام التريكي"),
        ROLE("أمين مال", "أمين المال"),
        LOC("معتمدية ساقية الزيت", "other"),
        DATE("جويلية 2023", "2023-07"),
    ],
    "relations": [
        R("منية الشعري", "رئيس", ASSO12, ["الجمعية"]),
        R("أنيس بن حميدة", "نائب الرئيس", ASSO12, ["الجمعية"]),
        R("رحمة القلال", "الكاتب العام", ASSO12, ["الجمعية"]),
        R("هشام التريكي", "أمين المال", ASSO12, ["الجمعية"]),
        R(None, "والي", "صفاقس", ["ولاية صفاقس"]),
        R(None, "رئيس", "النيابة الخصوصية لبلدية صفاقس", ["بلدية صفاقس", "البلدية"]),
    ],
}

# --- b13: Irbid (Jordan), women's economic empowerment ----------------------------
ASSO13 = "جمعية نسائم الخير للتنمية الأسرية"
ARTICLES["b13"] = {
    "meta": {"source": "وكالة أنباء الشمال", "date": "2022-03-14"},
    "entities": [
        LOC("إربد", "city", [0, 1]),
        LOC("إربد", "province", 2),
        ORG(ASSO13, "association", "all"),
        ORG("وكالة أنباء الشمال", "media"),
        DATE("14 آذار/مارس 2022", "2022-03-14"),
        LOC("لواء الرمثا", "other", "all"),
        LOC("محافظة إربد", "province"),
        REL("اليوم الاثنين", "2022-03-14"),
        ORG("وزارة التنمية الاجتماعية", "ministry"),
        ORG("صندوق التنمية والتشغيل", "agency"),
        LOC("بلدية الرمثا الجديدة", "commune", "all"),
        ROLE("رئيسة", "رئيس"),
        PER("هيفاء العمري"),
        PER("العمري", "all", norm="هيفاء العمري"),
        ROLE("محافظ", "محافظ"),
        REL("الثالث من نيسان المقبل", "2022-04-03"),
        DATE("أيلول 2022", "2022-09"),
        DATE("2011", "2011"),
        REL("العام الماضي", "2021"),
        LOC("الطرة", "douar"),
        LOC("الشجرة", "douar"),
        LOC("عمراوة", "douar"),
        REL("كانون الثاني الماضي", "2022-01"),
        ROLE("نائبة الرئيسة", "نائب الرئيس"),
        PER("ختام الزعبي"),
        ROLE("أمينة السر", "أمين السر"),
        PER("رنا الطعاني"),
        ROLE("أمين الصندوق", "أمين الصندوق"),
        PER("عماد بني هاني"),
        ROLE("مدير", "مدير"),
        PER("باسل المومني"),
        REL("شباط الماضي", "2022-02"),
        LOC("بني كنانة", "other"),
        LOC("الكورة", "other"),
        LOC("الأغوار الشمالية", "other"),
        ROLE("نائب رئيس", "نائب الرئيس"),
        PER("فراس الذيابات"),
        ORG("جامعة العلوم والتكنولوجيا الأردنية", "university"),
    ],
    "relations": [
        R("هيفاء العمري", "رئيس", ASSO13, ["الجمعية"]),
        R("ختام الزعبي", "نائب الرئيس", ASSO13, ["الجمعية"]),
        R("رنا الطعاني", "أمين السر", ASSO13, ["الجمعية"]),
        R("عماد بني هاني", "أمين الصندوق", ASSO13, ["الجمعية"]),
        R(None, "محافظ", "إربد", ["محافظة إربد"]),
        R("فراس الذيابات", "نائب الرئيس", "بلدية الرمثا الجديدة"),
        R("باسل المومني", "مدير", None, optional=True),
    ],
}

# --- b14: Chouf (Lebanon), reforestation campaign ---------------------------------
ASSO14 = "جمعية درب الأرز البيئية"
UNION14 = "اتحاد بلديات جرد الشوف الأعلى"
ARTICLES["b14"] = {
    "meta": {"source": "موقع جبل لبنان اليوم", "author": "ريتا أبو جودة",
             "date": "2022-11-09"},
    "entities": [
        LOC("الشوف", "other", "all"),
        ORG(ASSO14, "association", "all"),
        ORG("موقع جبل لبنان اليوم", "media"),
        DATE("الأربعاء 9 تشرين الثاني 2022", "2022-11-09"),
        PER("ريتا أبو جودة"),
        ORG(UNION14, "council", "all"),
        DATE("تشرين الأول 2021", "2021-10"),
        LOC("معاصر الشوف", "commune"),
        LOC("الباروك", "commune"),
        ORG("وزارة الزراعة", "ministry"),
        ORG("الجامعة اللبنانية", "university", "all"),
        ROLE("رئيس", "رئيس", [0, 1]),
        PER("وليد أبو شقرا"),
        REL("أمس", "2022-11-08"),
        REL("السبت المقبل", "2022-11-12"),
        REL("كانون الأول", "2022-12"),
        DATE("آذار 2023", "2023-03"),
        PER("سامي عبد الخالق"),
        REL("آب الماضي", "2022-08"),
        ORG("الدفاع المدني", "agency"),
        ROLE("محافظ", "محافظ"),
        LOC("جبل لبنان", "province", "all"),
        ROLE("نائبة رئيس", "نائب الرئيس"),
        PER("نايلة الحلبي"),
        OPT("ROLE", "الأستاذة", value="أستاذ"),
        OPT("DATE", "صيف 2022", value="2022"),
        LOC("قضاء الشوف", "other"),
        DATE("أيلول 2015", "2015-09"),
        LOC("محمية أرز الشوف", "other"),
        OPT("EVENT", "مهرجان الأرز البيئي"),
        DATE("تموز 2019", "2019-07"),
        OPT("ORG", "فيسبوك", subtype="company"),
        OPT("ORG", "واتساب", subtype="company"),
        OPT("ORG", "تويتر", subtype="company"),
    ],
    "relations": [
        R("وليد أبو شقرا", "رئيس", ASSO14, ["الجمعية"]),
        R("نايلة الحلبي", "نائب الرئيس", ASSO14, ["الجمعية"]),
        R("سامي عبد الخالق", "رئيس", UNION14, ["الاتحاد"]),
        R(None, "محافظ", "جبل لبنان"),
    ],
}

# --- b15: Basra (Iraq), salinity workshop ----------------------------------------
ORG15 = "منظمة نخيل الفاو للتنمية الزراعية"
FAC15 = "كلية الزراعة في جامعة البصرة"
ARTICLES["b15"] = {
    "meta": {"source": "شبكة أخبار الجنوب العراقي", "date": "2023-07-22"},
    "entities": [
        LOC("البصرة", "city", 0),
        LOC("البصرة", "province", 1),
        ORG(ORG15, "association"),
        ORG("منظمة نخيل الفاو", "association", "all"),
        LOC("شط العرب", "other", "all"),
        ORG("شبكة أخبار الجنوب العراقي", "media"),
        DATE("السبت ٢٢ تموز ٢٠٢٣", "2023-07-22"),
        ORG(FAC15, "university", "all"),
        HIJRI("الخميس ٢ محرم ١٤٤٥ هـ", "2023-07-20", "1445-01-02"),
        DATE("٢٠ تموز ٢٠٢٣", "2023-07-20"),
        ORG("ديوان محافظة البصرة", "other"),
        LOC("قضاء الفاو", "other"),
        LOC("الفاو", "other", "all"),
        LOC("أبي الخصيب", "other"),
        LOC("العراق", "country"),
        ROLE("رئيس", "رئيس"),
        PER("حيدر عبد الزهرة الموسوي"),
        DATE("2018", "2018"),
        ORG("وزارة الموارد المائية", "ministry"),
        ROLE("عميد", "عميد"),
        PER("صلاح مهدي الساعدي"),
        DATE("بين شباط وآب 2022", "2022-02/2022-08"),
        DATE("حزيران 2023", "2023-06"),
        ROLE("نائب محافظ", "نائب المحافظ"),
        ORG("مجلس محافظة البصرة", "council"),
        REL("الثلاثاء المقبل", "2023-07-25"),
        ROLE("أمين سر", "أمين السر"),
        PER("زينب كاظم الحلفي"),
        ORG("مديرية زراعة البصرة", "ministry"),
        ORG("نقابة المهندسين الزراعيين", "other"),
        DATE("١٥ آذار/مارس ٢٠١٩", "2019-03-15"),
        REL("أيار الماضي", "2023-05"),
    ],
    "relations": [
        R("حيدر عبد الزهرة الموسوي", "رئيس", ORG15, ["منظمة نخيل الفاو", "المنظمة"]),
        R("زينب كاظم الحلفي", "أمين السر", ORG15, ["منظمة نخيل الفاو", "المنظمة"]),
        R("صلاح مهدي الساعدي", "عميد", FAC15, ["الكلية"]),
        R(None, "نائب المحافظ", "البصرة", ["محافظة البصرة"]),
    ],
}

# --- b16: Asyut (Egypt), handicraft fair -----------------------------------------
FOUND16 = "مؤسسة بيت الخير للتنمية المجتمعية"
ARTICLES["b16"] = {
    "meta": {"source": "بوابة الصعيد نيوز", "author": "أحمد عبد الستار", "date": "2023-06-26"},
    "entities": [
        ROLE("محافظ", "محافظ", "all"),
        OPT("ROLE", "المحافظ", "all", value="محافظ"),
        LOC("أسيوط", "province", [0, 1, 3, 4]),
        LOC("أسيوط", "city", 2),
        OPT("EVENT", "أيادي الصعيد", "all"),
        ORG("بوابة الصعيد نيوز", "media"),
        PER("أحمد عبد الستار"),
        DATE("الاثنين 26 يونيه 2023", "2023-06-26"),
        REL("اليوم الاثنين", "2023-06-26"),
        ORG(FOUND16, "foundation"),
        ORG("مديرية التضامن الاجتماعي", "ministry"),
        LOC("ديروط", "other"),
        LOC("القوصية", "other"),
        LOC("منفلوط", "other"),
        LOC("أبنوب", "other", "all"),
        PER("محمود فتحي عبد الرحيم"),
        ROLE("رئيس مجلس أمناء", "رئيس مجلس الأمناء"),
        DATE("الثلاثاء 4 يوليه 2023", "2023-07-04"),
        OPT("EVENT", "عيد الأضحى"),
        HIJRI("الأربعاء 10 ذو الحجة 1444هـ", "2023-06-28", "1444-12-10"),
        DATE("28 يونيه 2023", "2023-06-28"),
        ROLE("وكيل", "وكيل وزارة"),
        ORG("وزارة التضامن الاجتماعي", "ministry"),
        PER("سحر عبد الحميد"),
        ROLE("رئيس", "رئيس"),
        ORG("مجلس مدينة أسيوط", "council"),
        ORG("جهاز تنمية المشروعات المتوسطة والصغيرة ومتناهية الصغر", "agency"),
        ROLE("أمينة صندوق", "أمين الصندوق"),
        PER("هالة نصيف"),
        DATE("أبريل 2022", "2022-04"),
        LOC("قرية بني محمديات", "douar"),
        LOC("مركز أبنوب", "other"),
        REL("أغسطس المقبل", "2023-08"),
        DATE("سبتمبر 2023", "2023-09"),
        ORG("الهيئة العامة لتعليم الكبار", "agency"),
        REL("يناير الماضي", "2023-01"),
        ORG("جامعة أسيوط", "university"),
        OPT("EVENT", "تراثنا"),
        LOC("القاهرة", "city"),
        REL("يوليه المقبل", "2023-07"),
    ],
    "relations": [
        R("محمود فتحي عبد الرحيم", "رئيس مجلس الأمناء", FOUND16, ["المؤسسة"]),
        R("هالة نصيف", "أمين الصندوق", FOUND16, ["المؤسسة"]),
        R("سحر عبد الحميد", "وكيل وزارة", "وزارة التضامن الاجتماعي"),
        R(None, "محافظ", "أسيوط"),
        R(None, "رئيس", "مجلس مدينة أسيوط"),
    ],
}


# ------------------------------------------------------------------------------
class GoldError(Exception):
    pass


def is_letter(ch):
    return ch.isalpha() and ch != "\u0640"  # tatweel is not a letter here


def left_ok(text, s, surface):
    if s == 0 or not is_letter(surface[0]) or not is_letter(text[s - 1]):
        return True
    # up to two glued proclitics (و ب، و ل، ف ب ...)
    i = s - 1
    for _ in range(2):
        if text[i] not in CLITICS:
            return False
        if i == 0 or not is_letter(text[i - 1]):
            return True
        i -= 1
    return False


def right_ok(text, e, surface):
    return e >= len(text) or not is_letter(surface[-1]) or not is_letter(text[e])


def candidates(text, surface):
    out, i = [], text.find(surface)
    while i >= 0:
        j = i + len(surface)
        if left_ok(text, i, surface) and right_ok(text, j, surface):
            out.append((i, j))
        i = text.find(surface, i + 1)
    return out


def overlaps(a, b):
    return a[0] < b[1] and b[0] < a[1]


def build_article(aid, spec):
    path = os.path.join(CORPUS, aid + ".txt")
    with open(path, "rb") as f:
        raw = f.read()
    if raw.startswith(b"\xef\xbb\xbf") or b"\r" in raw:
        raise GoldError(f"{aid}: file has a BOM or CR")
    text = raw.decode("utf-8")
    placed = []  # (start, end, type, extra)
    explicit = [a for a in spec["entities"] if a[2] != "all"]
    alls = sorted((a for a in spec["entities"] if a[2] == "all"), key=lambda a: -len(a[1]))

    def place(start, end, etype, extra, surface):
        for p in placed:
            if overlaps((start, end), p):
                raise GoldError(f"{aid}: '{surface}' at {start} overlaps '{text[p[0]:p[1]]}' at {p[0]}")
        placed.append((start, end, etype, extra))

    def free_candidates(surface):
        """Occurrences not inside an occurrence of a longer annotated surface."""
        longer = [c for a in spec["entities"] if len(a[1]) > len(surface) and surface in a[1]
                  for c in candidates(text, a[1])]
        return [c for c in candidates(text, surface)
                if not any(l[0] <= c[0] and c[1] <= l[1] for l in longer)]

    for etype, surface, occ, extra in explicit:
        cands = free_candidates(surface)
        if not cands:
            raise GoldError(f"{aid}: '{surface}' not found")
        if occ is None:
            if len(cands) != 1:
                raise GoldError(f"{aid}: '{surface}' is ambiguous ({len(cands)} occurrences at "
                                f"{[c[0] for c in cands]}); give an occurrence")
            picks = cands
        else:
            idx = occ if isinstance(occ, list) else [occ]
            for k in idx:
                if k >= len(cands):
                    raise GoldError(f"{aid}: '{surface}' has no occurrence {k} (has {len(cands)})")
            picks = [cands[k] for k in idx]
        for s, e in picks:
            place(s, e, etype, extra, surface)

    for etype, surface, occ, extra in alls:
        cands = candidates(text, surface)
        if not cands:
            raise GoldError(f"{aid}: '{surface}' not found")
        n = 0
        for s, e in cands:
            if any(p[0] <= s and e <= p[1] for p in placed):
                continue  # nested inside a longer annotated name
            place(s, e, etype, extra, surface)
            n += 1
        if n == 0:
            raise GoldError(f"{aid}: '{surface}' (all) placed nothing")

    placed.sort()
    entities, warnings = [], []
    for s, e, etype, extra in placed:
        ent = {"type": etype, "start": s, "end": e, "text": text[s:e]}
        for k in ("subtype", "value", "norm", "relative", "calendar", "hijri_value", "optional"):
            if k in extra:
                ent[k] = extra[k]
        unknown = set(extra) - {"subtype", "value", "norm", "relative", "calendar",
                                "hijri_value", "optional"}
        if unknown:
            raise GoldError(f"{aid}: unknown fields {unknown}")
        check_entity(aid, ent, spec["meta"])
        entities.append(ent)

    # every occurrence of an annotated surface should be covered by some span
    for etype, surface, occ, extra in spec["entities"]:
        for s, e in candidates(text, surface):
            if not any(p[0] <= s and e <= p[1] for p in placed):
                warnings.append(f"{aid}: unannotated occurrence of {etype} '{surface}' at {s}: "
                                f"…{text[max(0, s - 15):e + 15]}…")

    title = text.split("\n", 1)[0].strip()
    meta = {"title": title}
    for k in ("source", "author", "date"):
        if spec["meta"].get(k):
            meta[k] = spec["meta"][k]
    check_relations(aid, text, entities, spec["relations"])
    return {"id": aid, "meta": meta, "entities": entities,
            "relations": spec["relations"]}, warnings, text


def check_entity(aid, ent, meta):
    t = ent["type"]
    opt = ent.get("optional", False)
    if t not in ("PERSON", "ORG", "LOC", "DATE", "ROLE", "EVENT"):
        raise GoldError(f"{aid}: bad type {t}")
    if t == "ORG" and not opt and ent.get("subtype") not in ORG_SUBTYPES:
        raise GoldError(f"{aid}: ORG '{ent['text']}' needs a subtype")
    if t == "LOC" and not opt and ent.get("subtype") not in LOC_SUBTYPES:
        raise GoldError(f"{aid}: LOC '{ent['text']}' needs a subtype")
    if "subtype" in ent and ent["subtype"] not in (ORG_SUBTYPES | LOC_SUBTYPES):
        raise GoldError(f"{aid}: bad subtype {ent['subtype']}")
    if t == "DATE":
        if not DATE_VALUE.match(ent.get("value", "")):
            raise GoldError(f"{aid}: DATE '{ent['text']}' has a bad value {ent.get('value')}")
        if ent.get("relative") and not meta.get("date"):
            raise GoldError(f"{aid}: relative DATE without meta.date")
        if ent.get("calendar") == "hijri" and not re.match(r"^\d{4}-\d{2}-\d{2}$",
                                                           ent.get("hijri_value", "")):
            raise GoldError(f"{aid}: hijri DATE needs hijri_value")
    if t == "ROLE" and not opt and not ent.get("value"):
        raise GoldError(f"{aid}: ROLE '{ent['text']}' needs a value")
    if ent["text"] != ent["text"].strip():
        raise GoldError(f"{aid}: span '{ent['text']}' has outer spaces")


def check_relations(aid, text, entities, relations):
    names = {}
    for e in entities:
        names.setdefault(e["type"], set()).add(e["text"])
        if "norm" in e:
            names[e["type"]].add(e["norm"])
    roles = {e["value"] for e in entities if e["type"] == "ROLE" and "value" in e}
    for r in relations:
        if r["person"] is not None and r["person"] not in names.get("PERSON", set()):
            raise GoldError(f"{aid}: relation person '{r['person']}' is not an annotated PERSON")
        if r["role"] not in roles:
            raise GoldError(f"{aid}: relation role '{r['role']}' is not an annotated ROLE value")
        org = r["org"]
        if org is not None and org not in names.get("ORG", set()) | names.get("LOC", set()):
            raise GoldError(f"{aid}: relation org '{org}' is not an annotated ORG/LOC")
        for alt in r.get("org_alt", []):
            if alt not in text:
                raise GoldError(f"{aid}: org_alt '{alt}' does not occur in the text")


def main():
    records, all_warnings = [], []
    for aid in sorted(ARTICLES):
        rec, warnings, _ = build_article(aid, ARTICLES[aid])
        records.append(rec)
        all_warnings.extend(warnings)
    for w in all_warnings:
        print("warning:", w, file=sys.stderr)
    if "--check" not in sys.argv:
        with open(OUT, "w", encoding="utf-8", newline="\n") as f:
            for rec in records:
                f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    # summary
    counts, opt = {}, 0
    nrel = sum(1 for r in records for x in r["relations"] if not x.get("optional"))
    nrel_opt = sum(1 for r in records for x in r["relations"] if x.get("optional"))
    for rec in records:
        for e in rec["entities"]:
            if e.get("optional"):
                opt += 1
            else:
                counts[e["type"]] = counts.get(e["type"], 0) + 1
    print(f"articles: {len(records)}  entities (non-optional): {sum(counts.values())} "
          f"{dict(sorted(counts.items()))}  optional: {opt}")
    print(f"relations: {nrel} (+{nrel_opt} optional)")
    for rec in records:
        c = sum(1 for e in rec["entities"] if not e.get("optional"))
        print(f"  {rec['id']}: {c} entities, "
              f"{sum(1 for x in rec['relations'] if not x.get('optional'))} relations")


if __name__ == "__main__":
    try:
        main()
    except GoldError as err:
        print("error:", err, file=sys.stderr)
        sys.exit(1)
