#!/usr/bin/env python3
"""Generate khabar's gazetteers (gazetteers/*.tsv) from the raw name lists.

Usage:
    python3 tools/gen_gazetteers.py [--sources DIR] [--out DIR] [--fixups FILE]

Reads the raw lists under ../shared/sources (relative to the repository root;
see ../shared/sources/README.md), applies the overrides in
gazetteers/src/fixups.tsv and writes, sorted and deterministic:

    gazetteers/countries.tsv      LOC/country   cc:XX
    gazetteers/ma_regions.tsv     LOC/region    ma:REGION_NN
    gazetteers/ma_provinces.tsv   LOC/province  ma:DIV_NNN
    gazetteers/ma_communes.tsv    LOC/commune   ma:COM_NNNN
    gazetteers/cities.tsv         LOC/city      ma:COM_NNNN, gn:<idx>
    gazetteers/given_names.tsv    GIVEN_NAME    given:<crc32 of the canonical>
    gazetteers/family_names.tsv   FAMILY_NAME   family:<crc32 of the canonical>

gazetteers/national_orgs.tsv and gazetteers/world_places.tsv are written by hand;
this script only validates them.

Every output row is `name<TAB>canonical<TAB>type<TAB>subtype<TAB>id`. Rows
whose names are equal after the engine's name normalization (NFKC, no
diacritics or tatweel, alef variants -> ا, ى -> ي) are merged: the first one
by source priority is kept. Python 3 standard library only.
"""

import argparse
import csv
import os
import re
import sys
import unicodedata
import zlib

GENERATED_BY = "tools/gen_gazetteers.py"
HEADER = ["name", "canonical", "type", "subtype", "id"]

LOC_SUBTYPES = {"country", "region", "province", "commune", "city", "douar", "other"}
ORG_SUBTYPES = {"association", "foundation", "council", "ministry", "party", "media",
                "club", "company", "agency", "university", "other"}
NAME_SUBTYPES = {"male", "female", "-"}

LICENSE_ADMIN = "MIT (Copyright (c) 2024 Mahdi Boughrous; morocco_admin/LICENSE)"
LICENSE_GEONAMES = "CC BY 4.0 (GeoNames, geonames.org)"
LICENSE_NPM_COUNTRIES = "MIT (i18n-iso-countries); ODbL 1.0 (world-countries)"
LICENSE_NAMES = "MIT (Copyright (c) 2018 AKhateeb; names/LICENSE-arabic-names)"
LICENSE_NAME_TO_EN = "ISC (npm arabic-name-to-en)"
LICENSE_FIXUPS = "CC0-1.0 (gazetteers/src/fixups.tsv, hand-written)"

# Arab League members: their cities count from population 100,000.
ARAB_CC = set("MA DZ TN LY EG SD MR SO DJ KM SA YE OM AE QA BH KW IQ SY LB JO PS".split())

# GeoNames indexes (geonames_debian_cities_ar.tsv `idx`) of Arab capitals, kept whatever
# their population. Nouakchott is missing from that file and is added in fixups.tsv.
ARAB_CAPITALS_GN = {
    "14212",  # Rabat
    "6138",   # Algiers
    "19510",  # Tunis
    "14159",  # Tripoli (Libya)
    "6329",   # Cairo
    "18809",  # Khartoum
    "19028",  # Mogadishu
    "5824",   # Djibouti
    "13725",  # Moroni
    "18744",  # Riyadh
    "24120",  # Sanaa
    "16041",  # Muscat
    "15",     # Abu Dhabi
    "17541",  # Doha
    "948",    # Manama
    "13917",  # Kuwait City
    "11993",  # Baghdad
    "19149",  # Damascus
    "14022",  # Beirut
    "12854",  # Amman
    "9403",   # Jerusalem
    "17345",  # Ramallah
}
WORLD_CITY_MIN_POP = 250000
ARAB_CITY_MIN_POP = 100000
MIN_CITY_LETTERS = 3

# City names that are also common words (or given names) and would match ordinary text;
# compared after normalization. Real cities that are spelled like a word are dropped here
# rather than tagged everywhere the word occurs.
CITY_STOPLIST = {
    # generic words
    "مدينة", "المدينة", "عمل", "بني", "حي", "قرية", "مركز",
    # Moroccan urban communes whose bare name is a common word or a given name
    "نعيمة", "المنزل", "المرسى", "مدار", "مسيد", "بهلول",
    # GeoNames cities whose Arabic name is a common word or a person's name
    "معسكر", "الجديد", "الجميل", "الخبر", "ربك", "سالم", "ميدان", "تاني", "خفي",
    "زرقاء", "الزرقاء", "العماره", "العمارة", "الزاوية", "الرمادي", "الأحمدي", "مشهد",
    "بورصة", "قيصرية", "بشار", "سعيدة", "الخمس", "كسلا", "ينبع", "حائل", "الزبير",
    "حماة", "آبا", "الأبي", "الأبيض", "بنين",
    # world cities from 250,000 people whose Arabic name is a common word, a name or a brand
    "ساري", "وان", "ياي", "ياش", "طراز", "نارا", "منصورة", "تويوتا", "كوت", "ميسا", "باري",
    "سوري",
}

# Given names that are (also) very frequent words, particles, titles, months or weekdays;
# the engine also matches tokens with the article removed (الحياة -> حياة), so these would
# fire all the time. Compared after normalization.
GIVEN_STOPLIST = {
    # particles, prepositions, pronouns, frequent verbs (not على: it normalizes like علي)
    "من", "في", "إلى", "الى", "عن", "مع", "هذا", "هذه", "ذلك", "تلك", "كان", "كانت",
    "قال", "قالت", "أن", "إن", "لكن", "ثم", "أو", "أي", "بل", "قد", "لقد", "ما", "لا", "لم",
    "لن", "هو", "هي", "هم", "نحن", "أنا", "أنت", "كل", "بعض", "غير", "بين", "حول", "خلال",
    "عند", "منذ", "حتى", "لدى", "ضد", "نحو", "عبر", "دون", "فوق", "تحت", "أمام", "وراء",
    "داخل", "خارج", "بعد", "قبل", "أيضا", "فقط", "جدا", "عليه", "عليها", "له", "لها", "منه",
    "فيه", "به", "إليه", "دونه", "الذي", "التي", "الذين", "لي", "عاد", "بان", "خاف", "باشر",
    "جاهد", "ورد", "جار", "جاري", "ماشي", "وفي",
    # kinship words and name particles (handled by the person rules, not as names)
    "أبي", "أبو", "ابو", "أبا", "ابن", "بن", "بنت", "ابنة", "عبد", "عبدال", "أم", "أخ", "أخت",
    # titles and roles
    "رئيس", "وزير", "وزيرة", "ملك", "ملكة", "أمير", "أميرة", "شيخ", "سيد", "سيدة", "إمام",
    "قائد", "والي", "عامل", "وكيل", "نائب", "مدير", "جنرال", "عميد", "مستشار", "كاتب",
    "حاجي", "ملا", "باشا", "قاضي", "رسول", "نبي", "شهيد", "آمر", "حاكم", "حاكمة", "مفتي",
    "صاحب", "خادم", "طالب", "طالبة", "مشرف", "مرشد", "طيار", "عون", "لواء", "ولي",
    # weekdays and months
    "جمعة", "خميس", "سبت", "أحد", "اثنين", "ثلاثاء", "أربعاء", "تموز", "آب", "أيار", "نيسان",
    "آذار", "شباط", "كانون", "تشرين", "حزيران", "أيلول", "صفر", "محرم",
    # places
    "إسرائيل", "باريس", "عراق", "أريحا", "تهامة", "النجف", "شمال", "وادي",
    # frequent nouns, adjectives and masdars
    "بيان", "تحية", "تحيات", "تراث", "تسامح", "تذكار", "توسل", "تودد", "تسبيح", "تقوى", "تلال",
    "أفكار", "أسرار", "أفراح", "ألحان", "أشواق", "إشفاق", "إنصاف", "أسوة", "براءة", "بيضاء",
    "بينة", "تحفة", "ثابتة", "ثائرة", "ثراء", "جلاء", "حصة", "خواطر", "دعاء", "ذكرى",
    "ذكريات", "روعة", "سحر", "غزل", "محاسن", "مرح", "مسرة", "ولاء", "هبة", "هبه", "بلبلة",
    "بدوية", "بدوي", "تركية", "تركي", "حبشي", "جوهري", "برعم", "بطل", "بادي", "جاهل",
    "ثعبان", "نمل", "مجهول", "مدفون", "ضعيف", "ضمير", "سكران", "عطشان", "غضبان", "عادي",
    "باني", "بير", "جسم", "جري", "جهل", "حلو", "خشن", "دخان", "ديوان", "رحمه", "حسنه",
    "شوكه", "طعمه", "مله", "بانه", "لازه", "مهنه", "زباله", "زبال", "فرعون", "مال", "مشكل",
    "مشهد", "مثال", "ميثاق", "ميلاد", "نداء", "نصر", "نضال", "نظام", "نهار", "وجه", "وعد",
    "سلام", "حياة", "إسلام", "اسلام", "إحسان", "احسان", "إخلاص", "اخلاص", "اعتدال", "اعتماد",
    "إقبال", "اقبال", "امتياز", "إمتياز", "امتنان", "إمتنان", "انتصار", "إنتصار", "ارتواء",
    "إيثار", "تحرير", "ترتيب", "تكليف", "تحسين", "تمام", "تيسير", "تبارك", "ثورة", "ثوره",
    "حرج", "حزام", "خير", "خيرات", "رسم", "رشاش", "رمح", "زمان", "زمن", "زائر", "زاير",
    "سام", "سبع", "ستار", "سند", "سجود", "سرور", "سهول", "شمس", "شكر", "شكران", "شديد",
    "صحن", "صديق", "صبر", "طيف", "طوفان", "عاصي", "عراك", "عسل", "عمال", "عيد", "غريب",
    "غائب", "غني", "فجر", "فخر", "فداء", "فرح", "فضاء", "فضل", "فنجان", "فريق", "قابل",
    "كار", "كافي", "لقاء", "محب", "محل", "مدن", "مديح", "مسافر", "مسلم", "مشكور", "مصلح",
    "مطر", "معروف", "مفتاح", "مفيد", "مقبولة", "منسي", "مولود", "مولى", "ناجح", "نبأ",
    "نباء", "نجاح", "نجم", "هاتف", "هدية", "واعي", "وافد", "يسار", "فضة", "جواهر", "ملاك",
    "عمران", "قنطرة", "خزانة", "كرم", "جنان", "أكبر", "أسود", "اسود", "أسمر", "الأخضر",
    "هلال", "أسد", "رعد", "بحر", "شجر", "جمر", "ثواب", "سماح", "فائز", "غالي", "وحيد",
    "حلان", "شري", "رحم", "عجب", "عذاب", "مخرب", "مظلوم", "منفي", "مطرود", "مكلف", "محلول",
    "مذكور", "مشكل", "شامل", "ضاري", "شاكر", "مجاهد", "وزي", "ياس", "الين", "الم",
    "بركان", "بنين", "كوت", "خيال", "خنجر", "خلخال", "ترياك", "تعبان", "حرم", "روح", "راحة",
    "ثروة", "ثاني", "تالي", "ردي", "رخيص", "سعادة", "شوكة", "صافي", "صريع", "ضفاف", "طال",
    "عتاد", "عطب", "عنيد", "عيني", "غافل", "غربي", "فاقد", "فزع", "قادر", "قبال", "كشكول",
    "كمر", "كلف", "لازم", "لابد", "مثقال", "مدرك", "مرهون", "مسير", "مشرق", "مظاهر", "مظهر",
    "معتمد", "معد", "معين", "مفتول", "مفضل", "ملكي", "ملوكي", "منتهى", "منشد", "موات",
    "موجد", "موعود", "ميسر", "ميعاد", "نظيف", "نفاوة", "واسع", "وثيق", "وسيله", "وفر",
    "وقيد", "وهد", "يشم", "ظاهر", "عازل", "جبلي", "خريج", "خدام", "شاطي", "سني", "سنية",
    "صدري", "طيب", "عوض", "عودة", "جودة", "جهادي", "رسل", "شهد", "ثابت", "بشر", "بلم",
    "بكي", "تايه", "جاد", "جلاب", "حبي", "حياد", "حير", "خدر", "خشيت", "دخيل", "ذكاء",
    "رحمن", "رحمان", "رزاق", "رواد", "رفاق", "سهد", "شكون", "صباح", "ضحى", "قدير", "كامل",
    "ماضي", "محارب", "مطلق", "مطلب", "ناصح", "ناطق", "واثق", "وجدان", "رائد", "راجح",
    "راضي", "راغب", "رافد", "رافع", "راكع", "رحيل", "رديف", "رسن", "رمزي", "رمزية", "رواء",
    "رومي", "رياح", "زحل", "ساري", "سحاب", "سرى", "سهر", "شلال", "صائب", "صادق", "عائد",
    "عائدة", "عالية", "عايش", "عذار", "عزة", "عصمة", "علية", "عناد", "عنبر", "عهود",
    "عيادة", "غريبه", "فائزة", "فائق", "فاخر", "فاضلة", "فرحة", "فكري", "فكرية", "فيض",
    "قدرية", "كاكا", "كردي", "كفاح", "كنار", "لاله", "لؤلؤة", "ماج", "متي", "متى", "مرسول",
    "مرعي", "مفيده", "مهيب", "مهيمن", "مؤيد", "نابغة", "نجمة", "نذير", "نصير", "نضرة",
    "نعمة", "نغم", "نغمة", "وجيه", "وحيدة", "ورده", "وسام", "وفية", "يمنى", "أسرى", "أسمى",
    "أفاق", "آفاق", "أمانة", "أنهار", "أزهار", "أسيف", "أصيلة", "أصف", "أفضل", "أمية",
    "أمنية", "اعطيه", "امد", "امنه", "امني", "اوج", "اوعد", "اصيل", "اطياف", "ازل", "اكو",
    "انهر", "ايه", "ارا", "اراد", "اجود", "احتراس", "اثير", "اديان", "اركان", "اسدي",
    "اعجمي", "اكديمي", "امثل", "انوار", "بارح", "بارون", "باشي", "باقي", "باسم", "بداع",
    "براعم", "برئ", "بريئة", "بركة", "بصير", "بطي", "بلاسم", "بلسم", "بهار", "بوح", "تاج",
    "تجيل", "تبسم", "تقاء", "تهاني", "تهنيد", "جبار", "جبر", "جريان", "جسام", "جوهر",
    "جوهرة", "حداد", "حرز", "حريز", "حكمة", "حليف", "حماي", "حنين", "خالص", "خاشع", "خلف",
    "خليق", "دريا", "رابح", "راهي", "رجاب", "سباهي", "سوادي", "ضامد", "ضاهر", "طليع",
    "طوير", "عداي", "غالب", "منتظر", "مسرهد", "بلبل", "جحا", "صياح", "أرواح", "ختام", "ربى",
    "روضة", "شمائل", "علا", "هلا",
}

# Family names that arabic-name-to-en lists among given names.
SURNAMES_IN_GIVEN_LIST = {
    "أبراموف", "أشكنازي", "كوهن", "ليفي", "مزراحي", "كاتز", "فريدمان", "سيغال", "غرينبرغ",
    "روزنبرغ", "بيتون", "غولدشتاين", "فيلدمان", "غولدبرغ", "جولدمان", "ليبرمان", "أدلر",
    "شتاين", "هيرش", "عواملة", "خلايلة", "باعبود", "حفناوي", "فرغلي", "بوزيان", "بنسعيد",
    "بودربالة", "ملاسي", "حجو", "شنب", "تشودري", "قاسملو",
}

# Given names written with the article that are used as given names (mostly in Morocco);
# every other article-initial entry of arabic-name-to-en is a surname or half a compound.
ARTICLE_GIVEN_ALLOW = {
    "الحسن", "الحسين", "المهدي", "المختار", "الطيب", "العربي", "الهادي", "الصادق",
    "البشير", "المصطفى", "العباس", "الخضر", "الوليد", "المثنى", "النعمان", "الزهرة",
    "المكي", "الحبيب", "العياشي", "الغالي", "التهامي", "الجيلالي", "الشيماء",
}
TWO_LETTER_GIVEN_ALLOW = {"طه"}

# Divine names and other second halves of `عبد X` compounds.
ABD_SUFFIXES = [
    "الله", "الرحمن", "الرحمان", "الرحيم", "الملك", "المالك", "القدوس", "السلام", "المؤمن",
    "المهيمن", "العزيز", "الجبار", "الخالق", "البارئ", "المصور", "الغفار", "القهار",
    "الوهاب", "الرزاق", "الفتاح", "العليم", "الباسط", "الرافع", "المعز", "اللطيف",
    "الخبير", "الحليم", "العظيم", "الغفور", "الشكور", "العلي", "العالي", "الكبير",
    "الحفيظ", "الحسيب", "الجليل", "الكريم", "الرقيب", "المجيب", "الواسع", "الحكيم",
    "الودود", "المجيد", "الباعث", "الشهيد", "الحق", "الوكيل", "القوي", "المتين", "الولي",
    "الحميد", "المحيي", "الحي", "القيوم", "الواجد", "الماجد", "الواحد", "الأحد", "الصمد",
    "القادر", "المقتدر", "الظاهر", "الوالي", "المتعال", "البر", "التواب", "العفو",
    "الرؤوف", "الغني", "المغني", "النور", "الهادي", "البديع", "الباقي", "الوارث",
    "الرشيد", "الصبور", "الإله", "الستار", "المولى", "المنعم", "الرفيع", "المعطي",
    "الوافي", "الكافي", "المحسن", "الجواد", "المنان", "المعين", "الفضيل", "المطلب",
    "الناصر", "النبي", "الرزاق", "الصادق",
]
# `X الدين` compounds (male).
DIN_PREFIXES = [
    "نور", "عز", "علاء", "بهاء", "صلاح", "جمال", "نصر", "ناصر", "خير", "شمس", "سيف", "زين",
    "فخر", "تاج", "محيي", "محي", "سعد", "نجم", "شرف", "عماد", "حسام", "ضياء", "كمال", "بدر",
    "صدر", "قطب", "شهاب", "سراج", "برهان", "نصير", "حسن", "معين",
]
# `X الله` compounds (male unless noted).
ALLAH_PREFIXES = [
    "عطا", "جار", "خير", "فتح", "نصر", "حمد", "فضل", "ضيف", "رزق", "عوض", "حب", "سعد",
    "نعمة", "عطاء", "حرز", "جاب", "عبيد",
]
ALLAH_FEMALE = ["أمة", "هبة"]

FAMILY_STOPLIST = {"باذنجان", "حديد", "الروح", "العسكري", "العجمي", "الباقي", "العالي",
                   "الهادي", "الغني", "الولي", "الكاظم", "المهدي", "السيد", "الشيخ"}

# Moroccan letters for /g/ and /v/ and others not folded by the engine; names are also
# listed with the ordinary letter, which is how most news sites write them (أكادير).
MOROCCAN_LETTER_FOLD = str.maketrans({"\u0763": "ك", "\u06AD": "ك", "\u06AF": "ك",
                                      "\u06A4": "ف", "\u0686": "ش"})
PERSIAN_LETTER_FOLD = str.maketrans({"\u06A9": "ك", "\u06CC": "ي", "\u06C0": "ة",
                                     "\u06BE": "ه", "\u06C1": "ه"})

# Region names split into their component place names, with the spellings seen in news;
# joined with a space, a hyphen, or a spaced hyphen. The source name must be the first
# spelling of each part joined by spaces (checked).
REGION_PARTS = {
    "REGION_01": [["بني ملال"], ["خنيفرة"]],
    "REGION_02": [["الدار البيضاء"], ["سطات"]],
    "REGION_03": [["الداخلة"], ["وادي الذهب", "واد الذهب"]],
    "REGION_04": [["درعة"], ["تافيلالت", "تافلالت"]],
    "REGION_05": [["فاس"], ["مكناس"]],
    "REGION_06": [["كلميم", "كليميم"], ["واد نون", "وادي نون"]],
    "REGION_07": [["العيون"], ["الساقية الحمراء"]],
    "REGION_08": [["مراكش"], ["آسفي"]],
    "REGION_10": [["الرباط"], ["سلا"], ["القنيطرة"]],
    "REGION_11": [["سوس"], ["ماسة"]],
    "REGION_12": [["طنجة"], ["تطوان"], ["الحسيمة"]],
}
# Single-word region names: only listed with the head noun (the bare word is a common word).
REGION_SINGLE = {
    "REGION_09": ["جهة الشرق", "الجهة الشرقية"],
}

# Province/prefecture names: component parts (for hyphenated forms) and other spellings.
PROVINCE_PARTS = {
    "DIV_001": [["أكادير"], ["إداوتنان", "إدا وتنان", "إدوتنان"]],
    "DIV_004": [["أسا", "آسا"], ["الزاك"]],
    "DIV_013": [["اشتوكة", "شتوكة"], ["آيت باها"]],
    "DIV_020": [["الفحص"], ["أنجرة"]],
    "DIV_027": [["إنزكان"], ["آيت ملول"]],
    "DIV_034": [["المضيق"], ["الفنيدق"]],
    "DIV_044": [["وجدة"], ["أنجاد"]],
    "DIV_054": [["الصخيرات"], ["تمارة"]],
    "DIV_056": [["طنجة"], ["أصيلة", "أصيلا"]],
}
PROVINCE_ALT = {
    "DIV_022": ["الفقيه بن صالح"],
    "DIV_025": ["جرسيف"],
    "DIV_042": ["وادي الذهب"],
    "DIV_055": ["طنطان"],
}

JOINERS = [" ", "-", " - "]

DIACRITICS_RE = re.compile("[\u064B-\u065F\u0670\u0640]")
FORMAT_CHARS_RE = re.compile("[\u200B-\u200F\u202A-\u202E\u2066-\u2069\uFEFF]")
SPACES_RE = re.compile(r"\s+")
ARABIC_NAME_RE = re.compile(r"^[\u0621-\u063A\u0641-\u064A\u0671-\u06D3 \-]+$")


# --------------------------------------------------------------------------- normalization

def norm(text):
    """The engine's name normalization (for deduplication)."""
    text = unicodedata.normalize("NFKC", text)
    text = FORMAT_CHARS_RE.sub("", text)
    text = DIACRITICS_RE.sub("", text)
    text = text.translate(str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ٱ": "ا", "ى": "ي"}))
    return SPACES_RE.sub(" ", text).strip()


def clean(text):
    """A name as it is written: NFKC, no diacritics, tatweel or format characters,
    single spaces. Hamza forms are kept."""
    text = unicodedata.normalize("NFKC", text)
    text = FORMAT_CHARS_RE.sub("", text)
    text = DIACRITICS_RE.sub("", text)
    text = text.replace("\u00A0", " ")
    return SPACES_RE.sub(" ", text).strip()


def letters(text):
    return len(norm(text).replace(" ", "").replace("-", ""))


def hyphen_variants(name):
    """`A - B`, `A-B` and `A B` for a name written with a hyphen."""
    if "-" not in name:
        return [name]
    parts = [p.strip() for p in name.split("-") if p.strip()]
    return [j.join(parts) for j in JOINERS]


def join_variants(parts):
    """All spellings of a compound name given alternative spellings for each part."""
    combos = [[]]
    for alts in parts:
        combos = [c + [a] for c in combos for a in alts]
    out = []
    for combo in combos:
        for joiner in JOINERS:
            out.append(joiner.join(combo))
    return out


def stable_number(text):
    return zlib.crc32(norm(text).encode("utf-8"))


# --------------------------------------------------------------------------- I/O

def die(message, code=1):
    print("gen_gazetteers: " + message, file=sys.stderr)
    sys.exit(code)


def read_tsv(path):
    with open(path, encoding="utf-8", newline="") as f:
        return list(csv.DictReader(f, delimiter="\t", quoting=csv.QUOTE_NONE))


def read_lines(path):
    with open(path, encoding="utf-8") as f:
        return [clean(line) for line in f if line.strip()]


class Row:
    __slots__ = ("name", "canonical", "type", "subtype", "id", "prio")

    def __init__(self, name, canonical, type_, subtype, id_, prio):
        self.name = clean(name)
        self.canonical = clean(canonical)
        self.type = type_
        self.subtype = subtype
        self.id = id_
        self.prio = prio  # lower wins when two rows share a normalized name

    def key(self):
        return (self.name, self.canonical, self.type, self.subtype, self.id)


class Gazetteer:
    def __init__(self, filename, sources, licenses):
        self.filename = filename
        self.sources = sources
        self.licenses = licenses
        self.rows = []

    def add(self, name, canonical, type_, subtype, id_, prio):
        name = clean(name)
        if not name:
            return
        self.rows.append(Row(name, canonical, type_, subtype, id_, prio))

    def dedup(self):
        """One row per normalized name; the lowest priority wins, then the first added."""
        best = {}
        for i, row in enumerate(self.rows):
            k = norm(row.name)
            if k not in best or row.prio < best[k][1].prio:
                best[k] = (i, row)
        self.rows = [r for _, r in sorted(best.values(), key=lambda x: x[0])]

    def drop_homonyms(self):
        """Drop every row of an id whose canonical name was taken by another id (homonymous
        places: one name can only lead to one entry). Returns the dropped ids."""
        names = {}
        for row in self.rows:
            names.setdefault(row.id, set()).add(norm(row.name))
        lost = {row.id for row in self.rows if norm(row.canonical) not in names[row.id]}
        self.rows = [r for r in self.rows if r.id not in lost]
        return sorted(lost)

    def sorted_rows(self):
        return sorted(self.rows, key=lambda r: (r.name, r.id, r.canonical))

    def write(self, out_dir):
        path = os.path.join(out_dir, self.filename)
        with open(path, "w", encoding="utf-8", newline="\n") as f:
            f.write("# source: " + "; ".join(self.sources) + "\n")
            f.write("# license: " + "; ".join(self.licenses) + "\n")
            f.write("# generated-by: " + GENERATED_BY + "\n")
            f.write("\t".join(HEADER) + "\n")
            for row in self.sorted_rows():
                f.write("\t".join(row.key()) + "\n")
        return path


# --------------------------------------------------------------------------- fixups

class Fixups:
    """gazetteers/src/fixups.tsv: action, file, name, canonical, type, subtype, id, note.

    drop    remove the rows of `file` whose name normalizes like `name` (only those with
            `id` when an id is given).
    add     add the row (name, canonical, type, subtype, id); it wins over generated rows
            with the same normalized name. In the name files, id `auto` lets the script
            assign its stable id.
    rename  rows of `file` with `id`: when `name` is `*`, set their canonical to
            `canonical`; otherwise the spelling `name` becomes `canonical` (a wrong
            spelling in the source) and rows whose canonical was `name` follow.
    Every fixup must apply to something; a stale fixup is an error.
    """

    def __init__(self, path):
        self.path = path
        self.items = []
        with open(path, encoding="utf-8") as f:
            lines = f.read().split("\n")
        header = None
        for lineno, line in enumerate(lines, 1):
            if not line.strip() or line.startswith("#"):
                continue
            cols = line.split("\t")
            if header is None:
                header = cols
                want = ["action", "file", "name", "canonical", "type", "subtype", "id", "note"]
                if header != want:
                    die("%s:%d: header must be %s" % (path, lineno, "\t".join(want)))
                continue
            if len(cols) != 8:
                die("%s:%d: expected 8 columns, got %d" % (path, lineno, len(cols)))
            item = dict(zip(header, [c.strip() for c in cols]))
            item["line"] = lineno
            item["used"] = False
            if item["action"] not in ("drop", "add", "rename"):
                die("%s:%d: unknown action %r" % (path, lineno, item["action"]))
            if not item["note"]:
                die("%s:%d: every fixup needs a note" % (path, lineno))
            if item["action"] == "add":
                for col in ("name", "canonical", "type", "subtype", "id"):
                    if not item[col]:
                        die("%s:%d: add needs %s" % (path, lineno, col))
            if item["action"] == "rename" and not (item["id"] and item["canonical"] and item["name"]):
                die("%s:%d: rename needs name (or *), canonical and id" % (path, lineno))
            self.items.append(item)

    def for_file(self, filename, action):
        return [i for i in self.items if i["file"] == filename and i["action"] == action]

    def apply(self, gaz):
        fn = gaz.filename
        for it in self.for_file(fn, "rename"):
            old = it["name"]
            new = clean(it["canonical"])
            for row in gaz.rows:
                if row.id != it["id"]:
                    continue
                if old == "*":
                    row.canonical = new
                    it["used"] = True
                elif norm(row.name) == norm(old):
                    if norm(row.canonical) == norm(old):
                        row.canonical = new
                    row.name = new
                    it["used"] = True
            if old != "*":
                for row in gaz.rows:
                    if row.id == it["id"] and norm(row.canonical) == norm(old):
                        row.canonical = new
        for it in self.for_file(fn, "drop"):
            before = len(gaz.rows)
            gaz.rows = [r for r in gaz.rows
                        if not (norm(r.name) == norm(it["name"]) and (not it["id"] or r.id == it["id"]))]
            if len(gaz.rows) != before:
                it["used"] = True
        for it in self.for_file(fn, "add"):
            gaz.add(it["name"], it["canonical"], it["type"], it["subtype"], it["id"], prio=-1)
            it["used"] = True

    def check_all_used(self, known_files):
        bad = []
        for it in self.items:
            if it["file"] not in known_files:
                bad.append("%s:%d: unknown file %r" % (self.path, it["line"], it["file"]))
            elif not it["used"]:
                bad.append("%s:%d: %s %r in %s matched nothing (stale fixup?)"
                           % (self.path, it["line"], it["action"], it["name"], it["file"]))
        if bad:
            die("\n".join(bad))


# A foreign hard g at the end of a word after ن or ر (-ng, -burg) is written غ or ج
# (هونغ كونغ, هونج كونج; هامبورغ, هامبورج): names outside the Arab countries get the
# ج spelling too. Such rows rank after every spelling from a source, so a real name
# with ج keeps its own entry.
G_VARIANT_PRIO = 100
G_FINAL_RE = re.compile(r"(?<=[نر])غ(?=$|[ \-])")


def g_variants(name):
    variant = G_FINAL_RE.sub("ج", name)
    return [variant] if variant != name and letters(name) >= 4 else []


# --------------------------------------------------------------------------- builders

def build_countries(src, fixups):
    npm = read_tsv(os.path.join(src, "countries", "countries_ar_npm.tsv"))
    gn = {r["cc"]: r["country_ar"] for r in
          read_tsv(os.path.join(src, "geonames", "geonames_debian_countries_ar.tsv"))}
    gaz = Gazetteer("countries.tsv",
                    ["countries/countries_ar_npm.tsv", "geonames/geonames_debian_countries_ar.tsv",
                     "gazetteers/src/fixups.tsv"],
                    [LICENSE_NPM_COUNTRIES, LICENSE_GEONAMES, LICENSE_FIXUPS])

    def spellings(raw):
        raw = clean(raw)
        if not raw:
            return []
        raw = clean(re.sub(r"\([^)]*\)", " ", raw))  # "سانت مارتن (الجزء الفرنسي)"
        return hyphen_variants(raw)

    for r in npm:
        cc = r["cca2"]
        cols = [r["i18n_iso_countries_ar"], r["world_countries_ara_common"],
                r["world_countries_ara_official"], gn.get(cc, "")]
        canonical = spellings(cols[0])[0] if spellings(cols[0]) else spellings(cols[1])[0]
        for prio, raw in enumerate(cols):
            for s in spellings(raw):
                gaz.add(s, canonical, "LOC", "country", "cc:" + cc, prio)
                if cc not in ARAB_CC:
                    for v in g_variants(s):
                        gaz.add(v, canonical, "LOC", "country", "cc:" + cc, prio + G_VARIANT_PRIO)
    fixups.apply(gaz)
    gaz.dedup()
    return gaz


def read_admin(src):
    rows = read_tsv(os.path.join(src, "morocco_admin", "ma_places_ar.tsv"))
    regions = [r for r in rows if r["level"] == "region"]
    divisions = [r for r in rows if r["level"] == "province_prefecture"]
    communes = [r for r in rows if r["level"] == "commune"]
    return regions, divisions, communes


def admin_spellings(raw):
    """Source spelling plus the spelling with Moroccan letters folded, and hyphen forms.
    The first element is the canonical spelling (ordinary letters)."""
    base = clean(raw)
    folded = base.translate(MOROCCAN_LETTER_FOLD)
    out = []
    for s in [folded, base]:
        for v in hyphen_variants(s):
            if v not in out:
                out.append(v)
    return out


def build_regions(src, fixups):
    regions, _, _ = read_admin(src)
    gaz = Gazetteer("ma_regions.tsv",
                    ["morocco_admin/ma_places_ar.tsv", "gazetteers/src/fixups.tsv"],
                    [LICENSE_ADMIN, LICENSE_FIXUPS])
    for r in regions:
        rid = r["id"]
        name = clean(r["name_ar"])
        id_ = "ma:" + rid
        canonical = "جهة " + name
        if rid in REGION_SINGLE:
            for s in REGION_SINGLE[rid]:
                gaz.add(s, canonical, "LOC", "region", id_, 0)
            continue
        if rid not in REGION_PARTS:
            die("region %s (%s) has no entry in REGION_PARTS" % (rid, name))
        parts = REGION_PARTS[rid]
        if norm(" ".join(p[0] for p in parts)) != norm(name):
            die("REGION_PARTS[%s] does not spell the source name %r" % (rid, name))
        for v in join_variants(parts):
            gaz.add("جهة " + v, canonical, "LOC", "region", id_, 0)
            # bare compounds are listed: every region name here has two or more parts
            gaz.add(v, canonical, "LOC", "region", id_, 1)
    fixups.apply(gaz)
    gaz.dedup()
    return gaz


def build_provinces(src, fixups):
    _, divisions, _ = read_admin(src)
    gaz = Gazetteer("ma_provinces.tsv",
                    ["morocco_admin/ma_places_ar.tsv", "gazetteers/src/fixups.tsv"],
                    [LICENSE_ADMIN, LICENSE_FIXUPS])
    for d in divisions:
        did = d["id"]
        name = clean(d["name_ar"])
        head = {"province": "إقليم", "prefecture": "عمالة"}.get(d["type"])
        if head is None:
            die("division %s has unknown type %r" % (did, d["type"]))
        canonical = head + " " + name
        spellings = [name]
        if did in PROVINCE_PARTS:
            parts = PROVINCE_PARTS[did]
            if norm(" ".join(p[0] for p in parts)) != norm(name):
                die("PROVINCE_PARTS[%s] does not spell the source name %r" % (did, name))
            spellings += join_variants(parts)
        spellings += PROVINCE_ALT.get(did, [])
        for s in spellings:
            for h in ("إقليم", "عمالة"):
                gaz.add(h + " " + s, canonical, "LOC", "province", "ma:" + did, 0 if h == head else 1)
    fixups.apply(gaz)
    gaz.dedup()
    return gaz


def build_communes(src, fixups):
    _, _, communes = read_admin(src)
    gaz = Gazetteer("ma_communes.tsv",
                    ["morocco_admin/ma_places_ar.tsv", "gazetteers/src/fixups.tsv"],
                    [LICENSE_ADMIN, LICENSE_FIXUPS])
    # Homonymous communes: the urban one, then the lowest id, keeps the name.
    for c in sorted(communes, key=lambda c: (c["type"] != "urbain", c["id"])):
        spellings = admin_spellings(c["name_ar"])
        canonical = spellings[0]
        if not canonical.startswith("جماعة "):
            canonical = "جماعة " + canonical
        extra_head = "الجماعة الحضرية" if c["type"] == "urbain" else "الجماعة القروية"
        for s in spellings:
            bare = s[len("جماعة "):] if s.startswith("جماعة ") else s
            gaz.add("جماعة " + bare, canonical, "LOC", "commune", "ma:" + c["id"], 0)
            gaz.add("الجماعة الترابية " + bare, canonical, "LOC", "commune", "ma:" + c["id"], 1)
            gaz.add(extra_head + " " + bare, canonical, "LOC", "commune", "ma:" + c["id"], 2)
    fixups.apply(gaz)
    gaz.dedup()
    gaz.drop_homonyms()
    return gaz


def clean_geonames_ar(raw, cc):
    """A usable Arabic city name from GeoNames, or '' (qualifiers, admin prefixes,
    Persian letters and format characters removed)."""
    s = clean(raw).translate(PERSIAN_LETTER_FOLD)
    s = re.split(r"[،,]", s)[0]
    s = clean(re.sub(r"\([^)]*\)", " ", s))
    for prefix in ("ولاية ", "شعبية ", "إمارة "):
        if s.startswith(prefix):
            s = s[len(prefix):]
    if cc not in ARAB_CC and s.startswith("مدينة "):
        s = s[len("مدينة "):]
    s = clean(s)
    if not s or not ARABIC_NAME_RE.match(s):
        return ""
    return s


def build_cities(src, fixups, country_names):
    _, divisions, communes = read_admin(src)
    gaz = Gazetteer("cities.tsv",
                    ["morocco_admin/ma_places_ar.tsv", "geonames/geonames_debian_cities_ar.tsv",
                     "gazetteers/src/fixups.tsv"],
                    [LICENSE_ADMIN, LICENSE_GEONAMES, LICENSE_FIXUPS])
    # 1. Moroccan urban communes (municipalities): the towns and cities themselves.
    for c in sorted(communes, key=lambda c: c["id"]):
        if c["type"] != "urbain":
            continue
        spellings = admin_spellings(c["name_ar"])
        if spellings[0].startswith("جماعة "):
            continue  # "جماعة الشعيب": the name is only used with its head noun
        for s in spellings:
            gaz.add(s, spellings[0], "LOC", "city", "ma:" + c["id"], 10)
    # 2. GeoNames: every Moroccan city with an Arabic name, Arab capitals, cities of Arab
    #    countries from 100,000 people, world cities from 250,000 people.
    gn_rows = read_tsv(os.path.join(src, "geonames", "geonames_debian_cities_ar.tsv"))
    for r in gn_rows:
        cc = r["cc"]
        pop = int(r["population"] or 0)
        if cc == "MA":
            prio = 20
        elif r["idx"] in ARAB_CAPITALS_GN:
            prio = 30
        elif cc in ARAB_CC and pop >= ARAB_CITY_MIN_POP:
            prio = 40
        elif pop >= WORLD_CITY_MIN_POP:
            prio = 50
        else:
            continue
        name = clean_geonames_ar(r["name_ar"], cc)
        if not name:
            continue
        # bigger cities first among rows of the same tier
        gaz.add(name, name, "LOC", "city", "gn:" + r["idx"], prio + (1.0 - min(pop, 10**8) / 10**8))
        if cc not in ARAB_CC:
            for v in g_variants(name):
                gaz.add(v, name, "LOC", "city", "gn:" + r["idx"], prio + G_VARIANT_PRIO)
    fixups.apply(gaz)
    # 3. Filters: stoplist, too short, names of countries (the country wins: الجزائر, تونس).
    stop = {norm(w) for w in CITY_STOPLIST}
    gaz.rows = [r for r in gaz.rows
                if r.prio < 0 or (norm(r.name) not in stop and letters(r.name) >= MIN_CITY_LETTERS
                                  and norm(r.name) not in country_names)]
    gaz.dedup()
    gaz.drop_homonyms()
    return gaz


def split_glued(token, known):
    """True if token is two known names glued together (source noise: حيدرجميل)."""
    for i in range(3, len(token) - 2):
        if token[:i] in known and token[i:] in known:
            return True
    return False


def compound_canonical(token):
    """Canonical spaced form of a glued compound: عبدالله -> عبد الله, نورالدين -> نور الدين."""
    if token.startswith("عبدال") and len(token) > 6:
        return "عبد " + token[3:]
    if token == "ابوبكر":
        return "أبو بكر"
    for suffix in ("الدين", "الله"):
        if token.endswith(suffix) and len(token) > len(suffix) + 1 and " " not in token:
            return token[:-len(suffix)] + " " + suffix
    return token


def build_given_names(src, fixups):
    ndir = os.path.join(src, "names")
    male = read_lines(os.path.join(ndir, "male-first-names-in-arabic.txt"))
    female = read_lines(os.path.join(ndir, "female-first-names-in-arabic.txt"))
    to_en = [clean(r["name_ar"]).translate(PERSIAN_LETTER_FOLD) for r in
             read_tsv(os.path.join(ndir, "arabic_given_names_arabic-name-to-en.tsv"))]
    gaz = Gazetteer("given_names.tsv",
                    ["names/male-first-names-in-arabic.txt", "names/female-first-names-in-arabic.txt",
                     "names/arabic_given_names_arabic-name-to-en.tsv", "gazetteers/src/fixups.tsv"],
                    [LICENSE_NAMES, LICENSE_NAME_TO_EN, LICENSE_FIXUPS])
    male_n = {norm(x) for x in male}
    female_n = {norm(x) for x in female}

    def gender(name, canonical=None):
        for x in (name, canonical or name):
            n = norm(x)
            if n in male_n and n not in female_n:
                return "male"
            if n in female_n and n not in male_n:
                return "female"
        c = norm(canonical or name)
        if c.startswith("عبد ") or c.endswith(" الدين") or c == "ابو بكر":
            return "male"
        if c.endswith(" الله"):
            return "female" if c.split(" ")[0] in {norm(p) for p in ALLAH_FEMALE} else "male"
        return "-"

    candidates = []  # (name, canonical, subtype, prio)
    def add_candidate(x, prio):
        canonical = compound_canonical(x)
        candidates.append((x, canonical, gender(x, canonical), prio))
        if canonical != x:
            candidates.append((canonical, canonical, gender(x, canonical), prio))

    for x in male + female:
        add_candidate(x, 0)

    known = set(male) | set(female) | set(to_en)
    for x in to_en:
        if " " in x or not ARABIC_NAME_RE.match(x):
            continue
        if x.startswith("ئ") or x.startswith("ى") or ("ة" in x[:-1]):
            continue  # Kurdish spellings (ئازاد, بةشدار) and broken entries (ىذلا)
        if x in SURNAMES_IN_GIVEN_LIST:
            continue  # family names (family_names.tsv)
        if x.startswith("ال") and x not in ARTICLE_GIVEN_ALLOW:
            continue  # surnames (التميمي) and halves of compounds (الرحمن)
        if x.startswith("عبدال"):
            if split_glued(x[3:], known):
                continue  # عبدالحميدمضر: a compound glued to another name
        elif x.endswith("الدين") or x.endswith("الله") or x == "ابوبكر":
            pass
        elif split_glued(x, known) or "عبد" in x:
            continue  # two names glued together (حيدرجميل, جبرعبد, عبدزيد)
        if letters(x) > 11:
            continue  # glued sequences of names
        if re.search(r"(.)\1", x[2:] if x.startswith("مم") else x.replace("لل", "")):
            continue  # doubled letters: typos in the source (مصصفى, حممود, معتزز, موسىى)
        if x.endswith("ه") and (x[:-1] + "ة") in known:
            continue  # ه-for-ة spelling of a name listed with ة
        add_candidate(x, 1)

    # Compounds: عبد X (with and without the space), X الدين, X الله.
    for suffix in ABD_SUFFIXES:
        spaced = "عبد " + suffix
        candidates.append((spaced, spaced, "male", 2))
        candidates.append(("عبد" + suffix, spaced, "male", 2))
    for prefix in DIN_PREFIXES:
        spaced = prefix + " الدين"
        candidates.append((spaced, spaced, "male", 2))
        candidates.append((prefix + "الدين", spaced, "male", 2))
    for prefix in ALLAH_PREFIXES + ALLAH_FEMALE:
        spaced = prefix + " الله"
        sub = "female" if prefix in ALLAH_FEMALE else "male"
        candidates.append((spaced, spaced, sub, 2))
        candidates.append((prefix + "الله", spaced, sub, 2))

    stop = {norm(w) for w in GIVEN_STOPLIST}
    two_ok = {norm(w) for w in TWO_LETTER_GIVEN_ALLOW}
    for name, canonical, sub, prio in candidates:
        n = norm(name)
        if n in stop:
            continue
        if letters(name) < 2 or (letters(name) == 2 and n not in two_ok):
            continue
        gaz.add(name, canonical, "GIVEN_NAME", sub, "", prio)
    fixups.apply(gaz)
    gaz.dedup()
    assign_name_ids(gaz, "given")
    return gaz


def assign_name_ids(gaz, prefix):
    """Stable ids from the canonical (CRC-32 of its normalized form); one subtype per id."""
    # One spelling per canonical: prefer the one written with hamza (عبد الإله over عبد الاله).
    spelling = {}
    for row in gaz.rows:
        k = norm(row.canonical)
        cand = (-sum(row.canonical.count(ch) for ch in "أإآ"), row.prio, row.canonical)
        if k not in spelling or cand < spelling[k]:
            spelling[k] = cand
    for row in gaz.rows:
        row.canonical = spelling[norm(row.canonical)][2]
    by_canon = {}
    for row in gaz.rows:
        if not row.id or row.id == "auto":
            row.id = "%s:%d" % (prefix, stable_number(row.canonical))
        by_canon.setdefault(norm(row.canonical), set()).add(row.id)
    for canon, ids in by_canon.items():
        if len(ids) > 1:
            die("%s: canonical %r has several ids %s" % (gaz.filename, canon, sorted(ids)))
    owner = {}
    for row in gaz.rows:
        if owner.setdefault(row.id, norm(row.canonical)) != norm(row.canonical):
            die("%s: id %s collides for %r and %r" % (gaz.filename, row.id, owner[row.id], row.canonical))
    subtypes = {}
    for row in gaz.rows:
        subtypes.setdefault(row.id, set()).add(row.subtype)
    for row in gaz.rows:
        known = subtypes[row.id] - {"-"}
        row.subtype = known.pop() if len(known) == 1 else "-"


def build_family_names(src, fixups):
    ndir = os.path.join(src, "names")
    last = read_lines(os.path.join(ndir, "last-names-in-arabic.txt"))
    to_en = [clean(r["name_ar"]).translate(PERSIAN_LETTER_FOLD) for r in
             read_tsv(os.path.join(ndir, "arabic_given_names_arabic-name-to-en.tsv"))]
    gaz = Gazetteer("family_names.tsv",
                    ["names/last-names-in-arabic.txt", "names/arabic_given_names_arabic-name-to-en.tsv",
                     "gazetteers/src/fixups.tsv"],
                    [LICENSE_NAMES, LICENSE_NAME_TO_EN, LICENSE_FIXUPS])
    stop = {norm(w) for w in FAMILY_STOPLIST}
    for x in last:
        if norm(x) not in stop:
            gaz.add(x, x, "FAMILY_NAME", "-", "", 0)
    # Article + nisba entries of arabic-name-to-en (التميمي, الإدريسي) are family names.
    abd = {norm(s) for s in ABD_SUFFIXES}
    for x in to_en:
        if (x.startswith("ال") and x.endswith("ي") and letters(x) >= 5 and ARABIC_NAME_RE.match(x)
                and x not in ARTICLE_GIVEN_ALLOW and norm(x) not in stop and norm(x) not in abd):
            gaz.add(x, x, "FAMILY_NAME", "-", "", 1)
    for x in to_en:
        if x in SURNAMES_IN_GIVEN_LIST:
            gaz.add(x, x, "FAMILY_NAME", "-", "", 2)
    fixups.apply(gaz)
    gaz.dedup()
    assign_name_ids(gaz, "family")
    return gaz


# --------------------------------------------------------------------------- validation

def validate_tsv(path):
    """Check a gazetteer file (generated or hand-written): header, columns, types,
    subtypes, one row per normalized name, canonical listed among its id's names."""
    errors = []
    meta = {}
    rows = []
    with open(path, encoding="utf-8") as f:
        lines = f.read().split("\n")
    header_seen = False
    for lineno, line in enumerate(lines, 1):
        if line == "" and lineno == len(lines):
            continue
        if not header_seen:
            if line.startswith("#"):
                m = re.match(r"#\s*([a-z-]+):\s*(.*)$", line)
                if m:
                    meta[m.group(1)] = m.group(2)
                continue
            if line.split("\t") != HEADER:
                errors.append("%s:%d: expected header %s" % (path, lineno, "\t".join(HEADER)))
                break
            header_seen = True
            continue
        if line.startswith("#") or not line.strip():
            continue
        cols = line.split("\t")
        if len(cols) != 5 or any(not c.strip() for c in cols):
            errors.append("%s:%d: expected 5 non-empty columns" % (path, lineno))
            continue
        name, canonical, type_, subtype, id_ = cols
        if type_ == "LOC" and subtype not in LOC_SUBTYPES:
            errors.append("%s:%d: bad LOC subtype %r" % (path, lineno, subtype))
        elif type_ == "ORG" and subtype not in ORG_SUBTYPES:
            errors.append("%s:%d: bad ORG subtype %r" % (path, lineno, subtype))
        elif type_ in ("GIVEN_NAME", "FAMILY_NAME") and subtype not in NAME_SUBTYPES:
            errors.append("%s:%d: bad name subtype %r" % (path, lineno, subtype))
        elif type_ not in ("LOC", "ORG", "PERSON", "GIVEN_NAME", "FAMILY_NAME"):
            errors.append("%s:%d: bad type %r" % (path, lineno, type_))
        rows.append((lineno, name, canonical, type_, subtype, id_))
    for key in ("source", "license"):
        if key not in meta:
            errors.append("%s: missing '# %s:' header line" % (path, key))
    seen = {}
    names_by_id = {}
    canon_by_id = {}
    for lineno, name, canonical, type_, subtype, id_ in rows:
        n = norm(name)
        if n in seen:
            errors.append("%s:%d: %r duplicates line %d after normalization" % (path, lineno, name, seen[n]))
        seen[n] = lineno
        names_by_id.setdefault(id_, set()).add(n)
        canon_by_id.setdefault(id_, set()).add(canonical)
    for id_, canons in canon_by_id.items():
        if len(canons) > 1:
            errors.append("%s: id %s has several canonical names: %s" % (path, id_, ", ".join(sorted(canons))))
        for c in canons:
            if norm(c) not in names_by_id[id_]:
                errors.append("%s: id %s: canonical %r is not listed as a name" % (path, id_, c))
    return errors, len(rows)


# --------------------------------------------------------------------------- main

def main(argv=None):
    repo = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--sources", default=os.path.join(repo, "..", "shared", "sources"),
                    help="raw source lists (default: ../shared/sources from the repository root)")
    ap.add_argument("--out", default=os.path.join(repo, "gazetteers"),
                    help="output directory (default: gazetteers/)")
    ap.add_argument("--fixups", default=None, help="override file (default: <out>/src/fixups.tsv)")
    args = ap.parse_args(argv)

    src = os.path.normpath(args.sources)
    needed = ["morocco_admin/ma_places_ar.tsv", "geonames/geonames_debian_cities_ar.tsv",
              "geonames/geonames_debian_countries_ar.tsv", "countries/countries_ar_npm.tsv",
              "names/male-first-names-in-arabic.txt", "names/female-first-names-in-arabic.txt",
              "names/last-names-in-arabic.txt", "names/arabic_given_names_arabic-name-to-en.tsv"]
    if not os.path.isdir(src):
        die("sources not found at %s (use --sources DIR)" % src, 2)
    missing = [p for p in needed if not os.path.isfile(os.path.join(src, p))]
    if missing:
        die("sources not found at %s: missing %s" % (src, ", ".join(missing)), 2)
    out = os.path.normpath(args.out)
    fixups_path = args.fixups or os.path.join(out, "src", "fixups.tsv")
    if not os.path.isfile(fixups_path):
        die("fixups file not found at %s" % fixups_path, 2)
    fixups = Fixups(fixups_path)

    countries = build_countries(src, fixups)
    country_names = {norm(r.name) for r in countries.rows}
    gazetteers = [
        countries,
        build_regions(src, fixups),
        build_provinces(src, fixups),
        build_communes(src, fixups),
        build_cities(src, fixups, country_names),
        build_given_names(src, fixups),
        build_family_names(src, fixups),
    ]
    fixups.check_all_used({g.filename for g in gazetteers})

    os.makedirs(out, exist_ok=True)
    failed = False
    counts = []
    for gaz in gazetteers:
        path = gaz.write(out)
        errors, n = validate_tsv(path)
        counts.append((gaz.filename, n))
        for e in errors:
            print(e, file=sys.stderr)
            failed = True
    for filename in ("national_orgs.tsv", "world_places.tsv"):
        hand = os.path.join(out, filename)
        if os.path.isfile(hand):
            errors, n = validate_tsv(hand)
            counts.append(("%s (hand-written, validated)" % filename, n))
            for e in errors:
                print(e, file=sys.stderr)
                failed = True
    for filename, n in counts:
        print("%-45s %6d rows" % (filename, n))
    if failed:
        die("validation failed")
    return 0


if __name__ == "__main__":
    sys.exit(main())
