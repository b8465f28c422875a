/*
 * input/gazetteer_tables.c -- the gazetteer's built-in tables: the
 * spellings portals use for countries where ISO 3166-1 has another
 * (collected from the portals' own downloads: World Bank WDI, OECD Data
 * Explorer, Eurostat, Our World in Data), China's 34 province-level
 * divisions, and the portals' aggregate codes.
 *
 * ISO 3166-1 itself is not here: it is read at run time from Debian's
 * iso-codes (gazetteer.c). A spelling that ISO 3166-1 already gives, up
 * to case, accents and apostrophes ("Turkiye", "Cote d'Ivoire"), needs
 * no row.
 */
#include "gazetteer_int.h"

const char *const gaz_how_name[GAZ_N_SOURCES] = {
    "World Bank spelling", "OECD spelling", "Eurostat label", "OWID spelling",
    "UN spelling", "former name", "Chinese name"};
const char *const gaz_how_code[GAZ_N_SOURCES] = {
    "World Bank code", "OECD code", "Eurostat code", "OWID code", "UN code",
    "former code", "Chinese code"};

#define WB(t, p) {t, p, GAZ_WORLD_BANK, 0}
#define OECD(t, p) {t, p, GAZ_OECD, 0}
#define ESTAT(t, p) {t, p, GAZ_EUROSTAT, 0}
#define ESTAT_CODE(t, p) {t, p, GAZ_EUROSTAT, 1}
#define OWID(t, p) {t, p, GAZ_OWID, 0}
#define OWID_CODE(t, p) {t, p, GAZ_OWID, 1}
#define UN(t, p) {t, p, GAZ_UN, 0}
#define FORMER(t, p) {t, p, GAZ_FORMER, 0}
#define WB_CODE(t, p) {t, p, GAZ_WORLD_BANK, 1}

const gaz_spelling gaz_spellings[] = {
    /* World Bank WDI, Country Name (API_*.csv, Metadata_Country_*) */
    WB("Bahamas, The", "BHS"),
    WB("Congo, Dem. Rep.", "COD"),
    WB("Congo, Rep.", "COG"),
    WB("Egypt, Arab Rep.", "EGY"),
    WB("Gambia, The", "GMB"),
    WB("Hong Kong SAR, China", "HKG"),
    WB("Iran, Islamic Rep.", "IRN"),
    WB("Korea, Dem. People's Rep.", "PRK"),
    WB("Korea, Rep.", "KOR"),
    WB("Kosovo", "XKX"),
    WB_CODE("XKX", "XKX"),
    WB("Lao PDR", "LAO"),
    WB("Macao SAR, China", "MAC"),
    WB("Micronesia, Fed. Sts.", "FSM"),
    WB("Puerto Rico (US)", "PRI"),
    WB("Somalia, Fed. Rep.", "SOM"),
    WB("St. Kitts and Nevis", "KNA"),
    WB("St. Lucia", "LCA"),
    WB("St. Martin (French part)", "MAF"),
    WB("St. Vincent and the Grenadines", "VCT"),
    WB("Venezuela, RB", "VEN"),
    WB("Virgin Islands (U.S.)", "VIR"),
    WB("British Virgin Islands", "VGB"),
    WB("West Bank and Gaza", "PSE"),
    WB("Yemen, Rep.", "YEM"),
    /* OECD, Reference area (Data Explorer), and OECD.Stat's Country */
    OECD("China (People's Republic of)", "CHN"),
    OECD("Korea", "KOR"),
    OECD("Russia", "RUS"),
    OECD("Hong Kong, China", "HKG"),
    OECD("Macao, China", "MAC"),
    OECD("Chinese Taipei", "TWN"),
    OECD("Democratic Republic of the Congo", "COD"),
    /* Eurostat: geo codes that are not ISO 3166-1 alpha-2, and labels */
    ESTAT_CODE("EL", "GRC"),
    ESTAT_CODE("UK", "GBR"),
    ESTAT_CODE("XK", "XKX"),
    ESTAT("Kosovo*", "XKX"),
    ESTAT("Kosovo (under United Nations Security Council Resolution "
          "1244/99)", "XKX"),
    /* Our World in Data, Entity and Code */
    OWID("Bonaire Sint Eustatius and Saba", "BES"),
    OWID("Brunei", "BRN"),
    OWID("Cape Verde", "CPV"),
    OWID("Democratic Republic of Congo", "COD"),
    OWID("East Timor", "TLS"),
    OWID("Falkland Islands", "FLK"),
    OWID("Micronesia (country)", "FSM"),
    OWID("Palestine", "PSE"),
    OWID("Saint Helena", "SHN"),
    OWID("Turkey", "TUR"),
    OWID("United States Virgin Islands", "VIR"),
    OWID("Vatican", "VAT"),
    OWID_CODE("OWID_KOS", "XKX"),
    /* the UN's names (UN data, UNESCO UIS) */
    UN("Republic of Korea", "KOR"),
    UN("Bolivia (Plurinational State of)", "BOL"),
    UN("Iran (Islamic Republic of)", "IRN"),
    UN("Micronesia (Federated States of)", "FSM"),
    UN("Venezuela (Bolivarian Republic of)", "VEN"),
    UN("State of Palestine", "PSE"),
    UN("China, Hong Kong SAR", "HKG"),
    UN("China, Macao SAR", "MAC"),
    UN("Holy See", "VAT"),
    /* names in use until recently (older downloads) */
    FORMER("Macedonia, FYR", "MKD"),
    FORMER("Swaziland", "SWZ"),
    /* China in Chinese */
    {"中国", "CHN", GAZ_ZH, 0},
    {"中华人民共和国", "CHN", GAZ_ZH, 0},
};
const size_t gaz_n_spellings = sizeof gaz_spellings / sizeof *gaz_spellings;

/* GB/T 2260 code, ISO 3166-2 code, place, 全称, 简称, English, kind,
   ISO 3166-2 name, other names. */
const gaz_division gaz_divisions[GAZ_N_DIVISIONS] = {
    {"110000", "CN-BJ", "CN-BJ", "北京市", "北京", "Beijing",
     "Municipality", "Beijing Shi", "Peking"},
    {"120000", "CN-TJ", "CN-TJ", "天津市", "天津", "Tianjin",
     "Municipality", "Tianjin Shi", NULL},
    {"130000", "CN-HE", "CN-HE", "河北省", "河北", "Hebei",
     "Province", "Hebei Sheng", NULL},
    {"140000", "CN-SX", "CN-SX", "山西省", "山西", "Shanxi",
     "Province", "Shanxi Sheng", NULL},
    {"150000", "CN-NM", "CN-NM", "内蒙古自治区", "内蒙古", "Inner Mongolia",
     "Autonomous Region", "Nei Mongol Zizhiqu", "Nei Mongol;Neimenggu"},
    {"210000", "CN-LN", "CN-LN", "辽宁省", "辽宁", "Liaoning",
     "Province", "Liaoning Sheng", NULL},
    {"220000", "CN-JL", "CN-JL", "吉林省", "吉林", "Jilin",
     "Province", "Jilin Sheng", NULL},
    {"230000", "CN-HL", "CN-HL", "黑龙江省", "黑龙江", "Heilongjiang",
     "Province", "Heilongjiang Sheng", NULL},
    {"310000", "CN-SH", "CN-SH", "上海市", "上海", "Shanghai",
     "Municipality", "Shanghai Shi", NULL},
    {"320000", "CN-JS", "CN-JS", "江苏省", "江苏", "Jiangsu",
     "Province", "Jiangsu Sheng", NULL},
    {"330000", "CN-ZJ", "CN-ZJ", "浙江省", "浙江", "Zhejiang",
     "Province", "Zhejiang Sheng", NULL},
    {"340000", "CN-AH", "CN-AH", "安徽省", "安徽", "Anhui",
     "Province", "Anhui Sheng", NULL},
    {"350000", "CN-FJ", "CN-FJ", "福建省", "福建", "Fujian",
     "Province", "Fujian Sheng", NULL},
    {"360000", "CN-JX", "CN-JX", "江西省", "江西", "Jiangxi",
     "Province", "Jiangxi Sheng", NULL},
    {"370000", "CN-SD", "CN-SD", "山东省", "山东", "Shandong",
     "Province", "Shandong Sheng", NULL},
    {"410000", "CN-HA", "CN-HA", "河南省", "河南", "Henan",
     "Province", "Henan Sheng", NULL},
    {"420000", "CN-HB", "CN-HB", "湖北省", "湖北", "Hubei",
     "Province", "Hubei Sheng", NULL},
    {"430000", "CN-HN", "CN-HN", "湖南省", "湖南", "Hunan",
     "Province", "Hunan Sheng", NULL},
    {"440000", "CN-GD", "CN-GD", "广东省", "广东", "Guangdong",
     "Province", "Guangdong Sheng", NULL},
    {"450000", "CN-GX", "CN-GX", "广西壮族自治区", "广西", "Guangxi",
     "Autonomous Region", "Guangxi Zhuangzu Zizhiqu",
     "Guangxi Zhuang Autonomous Region"},
    {"460000", "CN-HI", "CN-HI", "海南省", "海南", "Hainan",
     "Province", "Hainan Sheng", NULL},
    {"500000", "CN-CQ", "CN-CQ", "重庆市", "重庆", "Chongqing",
     "Municipality", "Chongqing Shi", NULL},
    {"510000", "CN-SC", "CN-SC", "四川省", "四川", "Sichuan",
     "Province", "Sichuan Sheng", NULL},
    {"520000", "CN-GZ", "CN-GZ", "贵州省", "贵州", "Guizhou",
     "Province", "Guizhou Sheng", NULL},
    {"530000", "CN-YN", "CN-YN", "云南省", "云南", "Yunnan",
     "Province", "Yunnan Sheng", NULL},
    {"540000", "CN-XZ", "CN-XZ", "西藏自治区", "西藏", "Tibet",
     "Autonomous Region", "Xizang Zizhiqu", "Xizang"},
    {"610000", "CN-SN", "CN-SN", "陕西省", "陕西", "Shaanxi",
     "Province", "Shaanxi Sheng", NULL},
    {"620000", "CN-GS", "CN-GS", "甘肃省", "甘肃", "Gansu",
     "Province", "Gansu Sheng", NULL},
    {"630000", "CN-QH", "CN-QH", "青海省", "青海", "Qinghai",
     "Province", "Qinghai Sheng", NULL},
    {"640000", "CN-NX", "CN-NX", "宁夏回族自治区", "宁夏", "Ningxia",
     "Autonomous Region", "Ningxia Huizu Zizhiqu",
     "Ningxia Hui Autonomous Region;Ningxia Huizi Zizhiqu"},
    {"650000", "CN-XJ", "CN-XJ", "新疆维吾尔自治区", "新疆", "Xinjiang",
     "Autonomous Region", "Xinjiang Uygur Zizhiqu",
     "Xinjiang Uygur Autonomous Region;"
     "Xinjiang Uyghur Autonomous Region"},
    {"710000", "CN-TW", "TWN", "台湾省", "台湾", "Taiwan",
     "Province", "Taiwan Sheng", "臺灣;台灣"},
    {"810000", "CN-HK", "HKG", "香港特别行政区", "香港", "Hong Kong",
     "Special Administrative Region", "Hong Kong SAR", "香港特別行政區"},
    {"820000", "CN-MO", "MAC", "澳门特别行政区", "澳门", "Macao",
     "Special Administrative Region", "Macao SAR",
     "Macau;澳門;澳門特別行政區"},
};

/* World Bank (WDI's aggregates: Metadata_Country rows without a Region,
   INX "Not classified", and the older NOC and OEC), Eurostat (EU and
   euro area by composition, EFTA, EEA) and OECD (OECD totals, G7, G20,
   non-OECD). Sorted (strcmp) for bsearch; none is an ISO 3166-1 code. */
const char *const gaz_aggregate_codes[] = {
    "AFE", "AFW", "ARB", "CEB", "CSS", "EA", "EA11", "EA12", "EA13", "EA15",
    "EA16", "EA17", "EA18", "EA19", "EA20", "EAP", "EAR", "EAS", "ECA",
    "ECS", "EEA", "EFTA", "EMU", "EU", "EU15", "EU25", "EU27_2007",
    "EU27_2020", "EU28", "EUU", "FCS", "G20", "G7", "HIC", "HPC", "IBD",
    "IBT", "IDA", "IDB", "IDX", "INX", "LAC", "LCN", "LDC", "LIC", "LMC",
    "LMY", "LTE", "MEA", "MIC", "MNA", "NAC", "NOC", "OAVG", "OEC", "OECD",
    "OECDE", "OECD_REP", "OED", "OSS", "PRE", "PSS", "PST", "SAS", "SSA",
    "SSF", "SST", "TEA", "TEC", "TLA", "TMN", "TSA", "TSS", "UMC", "WLD",
    "WXOECD",
};
const size_t gaz_n_aggregate_codes =
    sizeof gaz_aggregate_codes / sizeof *gaz_aggregate_codes;

/* OWID codes that are not aggregates: Kosovo, Northern Cyprus,
   Somaliland, and former countries (USSR, Czechoslovakia, Yugoslavia,
   Serbia and Montenegro, Ethiopia before 1993, East and West Germany,
   North and South Yemen). */
const char *const gaz_owid_countries[] = {
    "OWID_KOS", "OWID_CYN", "OWID_SML", "OWID_USS", "OWID_CZS", "OWID_YGS",
    "OWID_SRM", "OWID_ERE", "OWID_GDR", "OWID_GFR", "OWID_YAR", "OWID_YPR",
    NULL};

/* Names that are aggregates whatever the portal: exactly, or as the
   start of a label ("European Union - 27 countries (from 2020)",
   "Euro area (20 countries)"). */
const char *const gaz_aggregate_names[] = {"World", NULL};
const char *const gaz_aggregate_prefixes[] = {"European Union", "Euro area",
                                              NULL};
