#!/usr/bin/env python3
"""Generate countries.jsonl for the factgraph gazetteer.

Dev tool, not run at build time. Re-run with:

    python3 -m venv /tmp/gz && /tmp/gz/bin/pip install pycountry countryinfo
    /tmp/gz/bin/python extract/gazetteer/gen_countries.py > extract/gazetteer/countries.jsonl

Sources:
  * pycountry (ISO 3166-1: alpha-2, alpha-3, numeric, ISO short/official/common names)
  * countryinfo (default capital, demonym and Latin-script alternative spellings)
  * the hand-kept OVERRIDES table below (common English names, extra aliases,
    demonyms with plurals, capitals used as metonyms). OVERRIDES wins over
    countryinfo; fields set to [] in OVERRIDES are deliberately emptied because
    the countryinfo value is wrong or ambiguous with another entity.
"""
import json
import re
import sys
import unicodedata

import pycountry
from countryinfo import all_countries

# code -> dict(name=..., aliases=[...] (added), drop=[...] (aliases to remove),
#              demonyms=[...] (replace), capitals=[...] (replace), description=...)
OVERRIDES = {
    "PRK": dict(name="North Korea",
                aliases=["DPRK", "D.P.R.K.", "Democratic People's Republic of Korea", "N. Korea", "N.Korea"],
                demonyms=["North Korean", "North Koreans"], capitals=["Pyongyang"],
                description="State in East Asia on the northern Korean Peninsula."),
    "KOR": dict(name="South Korea",
                aliases=["Republic of Korea", "ROK", "S. Korea", "S.Korea"],
                demonyms=["South Korean", "South Koreans"], capitals=["Seoul"]),
    "RUS": dict(name="Russia", aliases=["Russian Federation"],
                demonyms=["Russian", "Russians"], capitals=["Moscow"],
                description="State spanning Eastern Europe and northern Asia."),
    "UKR": dict(name="Ukraine", aliases=["Ukrayina"],
                demonyms=["Ukrainian", "Ukrainians"], capitals=["Kyiv", "Kiev"],
                description="State in Eastern Europe."),
    "TUR": dict(name="Turkey", aliases=["Türkiye", "Turkiye", "Republic of Turkey", "Republic of Türkiye"],
                demonyms=["Turkish", "Turk", "Turks"], capitals=["Ankara"],
                description="State controlling the Bosphorus; NATO member."),
    "USA": dict(name="United States",
                aliases=["United States of America", "U.S.", "U.S.A.", "USA", "US"],  # not "America": Latin/North/South America
                demonyms=["American", "Americans"],
                capitals=["Washington", "Washington, D.C.", "Washington DC"],
                description="State in North America."),
    "POL": dict(name="Poland", aliases=["Republic of Poland"],
                demonyms=["Polish", "Poles"], capitals=["Warsaw"],
                description="State in Central Europe; NATO member."),
    "BLR": dict(name="Belarus", aliases=["Republic of Belarus", "Byelorussia", "Belorussia"],
                demonyms=["Belarusian", "Belarusians", "Belarussian", "Belarusians"], capitals=["Minsk"],
                description="State in Eastern Europe bordering Poland; ally of Russia."),
    "CHN": dict(name="China", aliases=["People's Republic of China", "PRC", "Mainland China"],
                demonyms=["Chinese"], capitals=["Beijing", "Peking"]),
    "TWN": dict(name="Taiwan", drop=["Taiwan, Province of China"],
                aliases=["Republic of China"], demonyms=["Taiwanese"], capitals=["Taipei"]),
    "HKG": dict(name="Hong Kong", aliases=["Hong Kong SAR"], demonyms=["Hong Konger", "Hong Kongers"], capitals=[]),
    "MAC": dict(name="Macau", aliases=["Macao", "Macao SAR"], demonyms=["Macanese"], capitals=[]),
    "JPN": dict(demonyms=["Japanese"], capitals=["Tokyo"], aliases=["Nippon", "Nihon"]),
    "MNG": dict(demonyms=["Mongolian", "Mongolians"], capitals=["Ulaanbaatar", "Ulan Bator"]),
    "GBR": dict(name="United Kingdom",
                aliases=["UK", "U.K.", "Britain", "Great Britain",
                         "United Kingdom of Great Britain and Northern Ireland"],
                demonyms=["British", "Briton", "Britons", "Brit", "Brits"], capitals=["London"]),
    "DEU": dict(demonyms=["German", "Germans"], capitals=["Berlin"]),
    "FRA": dict(demonyms=["French", "Frenchman", "Frenchwoman"], capitals=["Paris"]),
    "ITA": dict(demonyms=["Italian", "Italians"], capitals=["Rome"]),
    "ESP": dict(demonyms=["Spanish", "Spaniard", "Spaniards"], capitals=["Madrid"]),
    "PRT": dict(demonyms=["Portuguese"], capitals=["Lisbon"]),
    "NLD": dict(name="Netherlands", aliases=["The Netherlands", "Holland", "Kingdom of the Netherlands"],
                demonyms=["Dutch", "Dutchman", "Dutchmen"], capitals=["Amsterdam"]),
    "BEL": dict(demonyms=["Belgian", "Belgians"], capitals=["Brussels"]),
    "CHE": dict(demonyms=["Swiss"], capitals=["Bern", "Berne"]),
    "AUT": dict(demonyms=["Austrian", "Austrians"], capitals=["Vienna"]),
    "IRL": dict(demonyms=["Irish"], capitals=["Dublin"]),
    "DNK": dict(demonyms=["Danish", "Dane", "Danes"], capitals=["Copenhagen"]),
    "SWE": dict(demonyms=["Swedish", "Swede", "Swedes"], capitals=["Stockholm"]),
    "NOR": dict(demonyms=["Norwegian", "Norwegians"], capitals=["Oslo"]),
    "FIN": dict(demonyms=["Finnish", "Finn", "Finns"], capitals=["Helsinki"]),
    "ISL": dict(demonyms=["Icelandic", "Icelander", "Icelanders"], capitals=["Reykjavik"]),
    "EST": dict(demonyms=["Estonian", "Estonians"], capitals=["Tallinn"]),
    "LVA": dict(demonyms=["Latvian", "Latvians"], capitals=["Riga"]),
    "LTU": dict(demonyms=["Lithuanian", "Lithuanians"], capitals=["Vilnius"]),
    "CZE": dict(name="Czech Republic", aliases=["Czechia"], demonyms=["Czech", "Czechs"], capitals=["Prague"]),
    "SVK": dict(aliases=["Slovak Republic"], demonyms=["Slovak", "Slovaks", "Slovakian"], capitals=["Bratislava"]),
    "SVN": dict(demonyms=["Slovenian", "Slovene", "Slovenians", "Slovenes"], capitals=["Ljubljana"]),
    "HUN": dict(demonyms=["Hungarian", "Hungarians"], capitals=["Budapest"]),
    "ROU": dict(demonyms=["Romanian", "Romanians"], capitals=["Bucharest"]),
    "BGR": dict(demonyms=["Bulgarian", "Bulgarians"], capitals=["Sofia"]),
    "GRC": dict(demonyms=["Greek", "Greeks"], capitals=["Athens"]),
    "CYP": dict(demonyms=["Cypriot", "Cypriots"], capitals=["Nicosia"]),
    "MLT": dict(demonyms=["Maltese"], capitals=["Valletta"]),
    "SRB": dict(demonyms=["Serbian", "Serb", "Serbs", "Serbians"], capitals=["Belgrade"]),
    "HRV": dict(demonyms=["Croatian", "Croat", "Croats", "Croatians"], capitals=["Zagreb"]),
    "BIH": dict(aliases=["Bosnia", "Bosnia-Herzegovina"],
                demonyms=["Bosnian", "Bosnians", "Herzegovinian"], capitals=["Sarajevo"]),
    "MNE": dict(drop=["Montenegrin"], demonyms=["Montenegrin", "Montenegrins"], capitals=["Podgorica"]),
    "MKD": dict(name="North Macedonia", aliases=["Republic of North Macedonia"],
                demonyms=["Macedonian", "Macedonians"], capitals=["Skopje"]),
    "ALB": dict(demonyms=["Albanian", "Albanians"], capitals=["Tirana"]),
    "MDA": dict(name="Moldova", aliases=["Republic of Moldova"], demonyms=["Moldovan", "Moldovans"],
                capitals=["Chisinau", "Chișinău"]),
    "GEO": dict(demonyms=["Georgian", "Georgians"], capitals=["Tbilisi"]),
    "ARM": dict(demonyms=["Armenian", "Armenians"], capitals=["Yerevan"]),
    "AZE": dict(demonyms=["Azerbaijani", "Azerbaijanis", "Azeri", "Azeris"], capitals=["Baku"]),
    "KAZ": dict(demonyms=["Kazakh", "Kazakhs", "Kazakhstani", "Kazakhstanis"], capitals=["Astana"]),
    "KGZ": dict(aliases=["Kyrgyz Republic", "Kirghizia"], demonyms=["Kyrgyz", "Kyrgyzstani"], capitals=["Bishkek"]),
    "TJK": dict(demonyms=["Tajik", "Tajiks", "Tajikistani"], capitals=["Dushanbe"]),
    "TKM": dict(demonyms=["Turkmen"], capitals=["Ashgabat"]),
    "UZB": dict(demonyms=["Uzbek", "Uzbeks", "Uzbekistani"], capitals=["Tashkent"]),
    "IRN": dict(name="Iran", aliases=["Islamic Republic of Iran"],
                demonyms=["Iranian", "Iranians"], capitals=["Tehran", "Teheran"]),
    "IRQ": dict(demonyms=["Iraqi", "Iraqis"], capitals=["Baghdad"]),
    "SYR": dict(name="Syria", aliases=["Syrian Arab Republic"], demonyms=["Syrian", "Syrians"], capitals=["Damascus"]),
    "ISR": dict(demonyms=["Israeli", "Israelis"], capitals=["Jerusalem"]),
    "PSE": dict(name="Palestine", aliases=["State of Palestine", "Palestinian territories"],
                drop=["Palestine, State of"], demonyms=["Palestinian", "Palestinians"], capitals=["Ramallah"]),
    "LBN": dict(demonyms=["Lebanese"], capitals=["Beirut"]),
    "JOR": dict(demonyms=["Jordanian", "Jordanians"], capitals=["Amman"]),
    "SAU": dict(aliases=["KSA"], demonyms=["Saudi", "Saudis", "Saudi Arabian"], capitals=["Riyadh"]),
    "ARE": dict(name="United Arab Emirates", aliases=["UAE", "U.A.E.", "Emirates"],
                demonyms=["Emirati", "Emiratis"], capitals=["Abu Dhabi"]),
    "QAT": dict(demonyms=["Qatari", "Qataris"], capitals=["Doha"]),
    "KWT": dict(demonyms=["Kuwaiti", "Kuwaitis"], capitals=["Kuwait City"]),
    "BHR": dict(demonyms=["Bahraini", "Bahrainis"], capitals=["Manama"]),
    "OMN": dict(demonyms=["Omani", "Omanis"], capitals=["Muscat"]),
    "YEM": dict(demonyms=["Yemeni", "Yemenis"], capitals=["Sanaa", "Sana'a"]),
    "EGY": dict(demonyms=["Egyptian", "Egyptians"], capitals=["Cairo"]),
    "AFG": dict(demonyms=["Afghan", "Afghans"], capitals=["Kabul"]),
    "PAK": dict(demonyms=["Pakistani", "Pakistanis"], capitals=["Islamabad"]),
    "IND": dict(demonyms=["Indian", "Indians"], capitals=["New Delhi"]),
    "BGD": dict(demonyms=["Bangladeshi", "Bangladeshis"], capitals=["Dhaka"]),
    "LKA": dict(demonyms=["Sri Lankan", "Sri Lankans"], capitals=["Colombo"]),
    "NPL": dict(demonyms=["Nepalese", "Nepali", "Nepalis"], capitals=["Kathmandu"]),
    "MMR": dict(name="Myanmar", aliases=["Burma"], demonyms=["Burmese"],
                capitals=["Naypyidaw", "Nay Pyi Taw", "Naypyitaw"]),
    "THA": dict(drop=["Thai", "Prathet"], demonyms=["Thai", "Thais"], capitals=["Bangkok"]),
    "LAO": dict(name="Laos", aliases=["Lao PDR", "Lao People's Democratic Republic"], drop=["Lao"],
                demonyms=["Laotian", "Laotians"], capitals=["Vientiane"]),
    "VNM": dict(name="Vietnam", aliases=["Viet Nam", "Socialist Republic of Vietnam"],
                demonyms=["Vietnamese"], capitals=["Hanoi"]),
    "KHM": dict(demonyms=["Cambodian", "Cambodians"], capitals=["Phnom Penh"]),
    "MYS": dict(demonyms=["Malaysian", "Malaysians"], capitals=["Kuala Lumpur"]),
    "SGP": dict(demonyms=["Singaporean", "Singaporeans"], capitals=[]),
    "IDN": dict(demonyms=["Indonesian", "Indonesians"], capitals=["Jakarta"]),
    "PHL": dict(name="Philippines", aliases=["The Philippines"], demonyms=["Filipino", "Filipinos", "Philippine"],
                capitals=["Manila"]),
    "BRN": dict(name="Brunei", aliases=["Brunei Darussalam"], drop=["the Abode of Peace"],
                demonyms=["Bruneian", "Bruneians"], capitals=["Bandar Seri Begawan"]),
    "TLS": dict(name="Timor-Leste", aliases=["East Timor"], demonyms=["Timorese", "East Timorese"], capitals=["Dili"]),
    "AUS": dict(demonyms=["Australian", "Australians"], capitals=["Canberra"]),
    "NZL": dict(demonyms=["New Zealander", "New Zealanders"], capitals=["Wellington"]),
    "CAN": dict(demonyms=["Canadian", "Canadians"], capitals=["Ottawa"]),
    "MEX": dict(demonyms=["Mexican", "Mexicans"], capitals=["Mexico City"]),
    "CUB": dict(demonyms=["Cuban", "Cubans"], capitals=["Havana"]),
    "VEN": dict(name="Venezuela", aliases=["Bolivarian Republic of Venezuela"],
                demonyms=["Venezuelan", "Venezuelans"], capitals=["Caracas"]),
    "BOL": dict(name="Bolivia", aliases=["Plurinational State of Bolivia"],
                demonyms=["Bolivian", "Bolivians"], capitals=["Sucre", "La Paz"]),
    "BRA": dict(demonyms=["Brazilian", "Brazilians"], capitals=["Brasilia", "Brasília"]),
    "ARG": dict(demonyms=["Argentine", "Argentines", "Argentinian", "Argentinians"], capitals=["Buenos Aires"]),
    "CHL": dict(demonyms=["Chilean", "Chileans"], capitals=["Santiago"]),
    "ECU": dict(demonyms=["Ecuadorian", "Ecuadorians"], capitals=["Quito"]),
    "COL": dict(demonyms=["Colombian", "Colombians"], capitals=["Bogota", "Bogotá"]),
    "SLV": dict(demonyms=["Salvadoran", "Salvadorans"], capitals=["San Salvador"]),
    "NIC": dict(demonyms=["Nicaraguan", "Nicaraguans"], capitals=["Managua"]),
    "COD": dict(name="Democratic Republic of the Congo",
                # ("Congo" alone is the DRC in the news on it, as the sets annotate it)
                aliases=["DR Congo", "DRC", "Congo-Kinshasa", "Democratic Republic of Congo", "Congo"],
                drop=["Congo, The Democratic Republic of the", "Congo, Democratic Republic of the"],
                demonyms=["Congolese"], capitals=["Kinshasa"]),
    "COG": dict(name="Republic of the Congo", aliases=["Congo-Brazzaville", "Republic of Congo"],
                drop=["Congo"], demonyms=[], capitals=["Brazzaville"]),
    "CIV": dict(name="Ivory Coast", aliases=["Côte d'Ivoire", "Cote d'Ivoire"],
                demonyms=["Ivorian", "Ivorians"], capitals=["Yamoussoukro", "Abidjan"]),
    "CPV": dict(name="Cape Verde", aliases=["Cabo Verde", "Republic of Cabo Verde"],
                demonyms=["Cape Verdean", "Cape Verdeans"], capitals=["Praia"]),
    "SWZ": dict(name="Eswatini", aliases=["Swaziland", "Kingdom of Eswatini"],
                drop=["Ngwane", "Swatini", "weSwatini"], demonyms=["Swazi", "Swazis"], capitals=["Mbabane", "Lobamba"]),
    "TZA": dict(name="Tanzania", aliases=["United Republic of Tanzania"], drop=["Tanzania, United Republic of"],
                demonyms=["Tanzanian", "Tanzanians"], capitals=["Dodoma"]),
    "ZAF": dict(aliases=["RSA"], demonyms=["South African", "South Africans"],
                capitals=["Pretoria", "Cape Town"]),
    "DZA": dict(demonyms=["Algerian", "Algerians"], capitals=["Algiers"]),
    "LBY": dict(demonyms=["Libyan", "Libyans"], capitals=["Tripoli"]),
    "SDN": dict(demonyms=["Sudanese"], capitals=["Khartoum"]),
    "SSD": dict(demonyms=["South Sudanese"], capitals=["Juba"]),
    "ETH": dict(demonyms=["Ethiopian", "Ethiopians"], capitals=["Addis Ababa"]),
    "NGA": dict(demonyms=["Nigerian", "Nigerians"], capitals=["Abuja"]),
    "NER": dict(demonyms=["Nigerien", "Nigeriens"], capitals=["Niamey"]),
    "BWA": dict(demonyms=["Motswana", "Batswana", "Botswanan"], capitals=["Gaborone"]),
    "LSO": dict(demonyms=["Mosotho", "Basotho"], capitals=["Maseru"]),
    "DJI": dict(demonyms=["Djiboutian", "Djiboutians"], capitals=[]),
    "COM": dict(demonyms=["Comorian", "Comorians"], capitals=["Moroni"]),
    "MDV": dict(name="Maldives", demonyms=["Maldivian", "Maldivians"], capitals=[]),  # "Male" = English word
    "SUR": dict(demonyms=["Surinamese"], capitals=["Paramaribo"]),
    "STP": dict(name="Sao Tome and Principe", aliases=["São Tomé and Príncipe"],
                demonyms=["Santomean", "Santomeans"], capitals=["Sao Tome", "São Tomé"]),
    "FSM": dict(name="Micronesia", aliases=["Federated States of Micronesia"],
                drop=["Micronesia, Federated States of"], demonyms=["Micronesian", "Micronesians"], capitals=["Palikir"]),
    "GMB": dict(name="Gambia", aliases=["The Gambia", "Republic of the Gambia"], demonyms=["Gambian", "Gambians"],
                capitals=["Banjul"]),
    "BHS": dict(name="Bahamas", aliases=["The Bahamas"], demonyms=["Bahamian", "Bahamians"], capitals=["Nassau"]),
    "VAT": dict(name="Vatican City", aliases=["Holy See", "Vatican", "Vatican City State"],
                drop=["Holy See, Vatican City State"], demonyms=[], capitals=[]),
    "DOM": dict(demonyms=["Dominican", "Dominicans"], capitals=["Santo Domingo"]),
    "DMA": dict(demonyms=[], capitals=["Roseau"]),  # "Dominican" given to DOM
    "JAM": dict(demonyms=["Jamaican", "Jamaicans"], capitals=["Kingston"]),
    "GUY": dict(demonyms=["Guyanese"], capitals=[]),  # Georgetown is ambiguous (Washington, university)
    "KIR": dict(demonyms=["I-Kiribati"], capitals=["Tarawa", "South Tarawa"]),
    "SYC": dict(demonyms=["Seychellois"], capitals=[]),  # Victoria is ambiguous
    "GIB": dict(demonyms=["Gibraltarian", "Gibraltarians"], capitals=[]),
    "MCO": dict(demonyms=["Monegasque", "Monegasques"], capitals=[]),
    "LUX": dict(demonyms=["Luxembourger", "Luxembourgers", "Luxembourgish"], capitals=[]),
    "ATG": dict(demonyms=["Antiguan", "Antiguans", "Barbudan"], capitals=["St. John's", "Saint John's"]),
    "GRD": dict(capitals=["St. George's", "Saint George's"]),
    "SOM": dict(demonyms=["Somali", "Somalis"], capitals=["Mogadishu"]),
    "ESH": dict(demonyms=["Sahrawi", "Sahrawis"], capitals=["Laayoune", "El Aaiún"]),
    "KNA": dict(aliases=["St Kitts and Nevis", "St. Kitts and Nevis"], demonyms=["Kittitian", "Nevisian"]),
    "VCT": dict(aliases=["St Vincent and the Grenadines"], demonyms=["Vincentian", "Vincentians"]),
    "LCA": dict(aliases=["St Lucia", "St. Lucia"], demonyms=["Saint Lucian", "Saint Lucians"]),
    # Dependent territories: drop demonyms/capitals that belong to the parent state or are common words.
    "ATF": dict(demonyms=[], capitals=[]),
    "MTQ": dict(demonyms=["Martinican", "Martinicans"], capitals=["Fort-de-France"]),
    "MYT": dict(demonyms=["Mahoran", "Mahorans"], capitals=["Mamoudzou"]),
    "REU": dict(demonyms=["Reunionese"], capitals=["Saint-Denis"]),
    "SPM": dict(demonyms=[], capitals=[]),
    "GLP": dict(demonyms=["Guadeloupean", "Guadeloupeans"], capitals=["Basse-Terre"]),
    "GUF": dict(demonyms=["French Guianese"], capitals=["Cayenne"], drop=["Guiana"]),
    "PYF": dict(demonyms=["French Polynesian"], capitals=["Papeete"]),
    "NCL": dict(demonyms=["New Caledonian", "New Caledonians"], capitals=["Noumea", "Nouméa"]),
    "MNP": dict(demonyms=[], capitals=["Saipan"]),
    "IOT": dict(demonyms=[], capitals=[], aliases=["Chagos Islands", "Chagos Archipelago"]),
    "SJM": dict(demonyms=[], capitals=["Longyearbyen"]),
    "GGY": dict(demonyms=[], capitals=["St Peter Port", "St. Peter Port"]),
    "JEY": dict(demonyms=[], capitals=["St Helier", "Saint Helier"]),
    "IMN": dict(drop=["Mann", "Mannin"], demonyms=["Manx"], capitals=[]),  # Douglas: personal name
    "CXR": dict(demonyms=[], capitals=[]),
    "CCK": dict(name="Cocos (Keeling) Islands", aliases=["Cocos Islands", "Cocos Keeling Islands"],
                demonyms=[], capitals=[]),
    "BMU": dict(demonyms=["Bermudian", "Bermudians"], capitals=[]),  # Hamilton: personal name
    "FLK": dict(name="Falkland Islands", aliases=["Falklands", "Malvinas", "Islas Malvinas"],
                drop=["Falkland Islands (Malvinas)"], demonyms=["Falkland Islander", "Falkland Islanders"],
                capitals=[]),  # Stanley: personal name
    "SHN": dict(name="Saint Helena, Ascension and Tristan da Cunha", aliases=["Saint Helena", "St Helena"],
                demonyms=["Saint Helenian"], capitals=[]),
    "MSR": dict(demonyms=["Montserratian"], capitals=[]),  # Plymouth: ambiguous
    "AIA": dict(demonyms=["Anguillian", "Anguillians"], capitals=[]),
    "CYM": dict(demonyms=["Caymanian", "Caymanians"], capitals=["George Town"]),
    "VGB": dict(name="British Virgin Islands", aliases=["BVI"], drop=["Virgin Islands, British"],
                demonyms=[], capitals=["Road Town"]),
    "VIR": dict(name="U.S. Virgin Islands", aliases=["US Virgin Islands", "United States Virgin Islands",
                                                    "Virgin Islands of the United States"],
                drop=["Virgin Islands, U.S."], demonyms=[], capitals=["Charlotte Amalie"]),
    "UMI": dict(demonyms=[], capitals=[]),
    "ASM": dict(demonyms=["American Samoan", "American Samoans"], capitals=["Pago Pago"]),
    "GUM": dict(demonyms=["Guamanian", "Guamanians"], capitals=["Hagatna", "Hagåtña"]),
    "PRI": dict(demonyms=["Puerto Rican", "Puerto Ricans"], capitals=["San Juan"]),
    "PCN": dict(name="Pitcairn Islands", aliases=["Pitcairn"], demonyms=["Pitcairn Islander"], capitals=["Adamstown"]),
    "NFK": dict(demonyms=["Norfolk Islander"], capitals=[]),  # Kingston given to Jamaica
    "BES": dict(name="Caribbean Netherlands", aliases=["Bonaire, Sint Eustatius and Saba", "BES islands"],
                demonyms=[], capitals=["Kralendijk"]),
    "CUW": dict(name="Curaçao", aliases=["Curacao"], demonyms=["Curaçaoan"], capitals=["Willemstad"]),
    "SXM": dict(name="Sint Maarten", drop=["Sint Maarten (Dutch part)"], demonyms=[], capitals=["Philipsburg"]),
    "MAF": dict(name="Saint Martin", aliases=["Collectivity of Saint Martin"],
                drop=["Saint Martin (French part)"], demonyms=[], capitals=["Marigot"]),
    "BLM": dict(name="Saint Barthélemy", aliases=["Saint Barthelemy", "St. Barts", "St Barts"], demonyms=[],
                capitals=["Gustavia"]),
    "ALA": dict(name="Åland Islands", aliases=["Aland Islands", "Åland"], demonyms=["Ålander", "Ålanders"],
                capitals=["Mariehamn"]),
    "HMD": dict(demonyms=[], capitals=[]),
    "SGS": dict(demonyms=[], capitals=[]),
    "BVT": dict(demonyms=[], capitals=[]),
    "ATA": dict(demonyms=[], capitals=[]),
    "TCA": dict(demonyms=[], capitals=["Cockburn Town"]),
    "WLF": dict(demonyms=[], capitals=["Mata-Utu"]),
    "TKL": dict(capitals=[]),  # no capital; Fakaofo is an atoll
    "GRL": dict(demonyms=["Greenlandic", "Greenlander", "Greenlanders"], capitals=["Nuuk"]),
    "FRO": dict(demonyms=["Faroese"], capitals=["Torshavn", "Tórshavn"]),
    "PAN": dict(demonyms=["Panamanian", "Panamanians"], capitals=[]),  # Panama City = also a Florida city; keep out
    "GTM": dict(demonyms=["Guatemalan", "Guatemalans"], capitals=[]),  # Guatemala City contains country name
    "PNG": dict(demonyms=["Papua New Guinean", "Papua New Guineans"], capitals=["Port Moresby"]),
    "GNB": dict(demonyms=["Bissau-Guinean", "Bissau-Guineans"], capitals=["Bissau"]),
    "GNQ": dict(demonyms=["Equatoguinean", "Equatorial Guinean"], capitals=["Malabo"]),
    "VUT": dict(demonyms=["Ni-Vanuatu"], capitals=["Port Vila"]),
    "CAF": dict(demonyms=["Central African", "Central Africans"], capitals=["Bangui"]),
    "TCD": dict(drop=["Chad, Republic of"], demonyms=["Chadian", "Chadians"], capitals=["N'Djamena", "Ndjamena"]),
    "TGO": dict(drop=["Togolese"], demonyms=["Togolese"], capitals=["Lome", "Lomé"]),
}

# Single-word alternative spellings from countryinfo that are safe to keep as aliases.
SAFE_SINGLE_WORD = {"Czechia", "Holland", "Burma", "Ukrayina", "Turkiye", "Türkiye", "Nippon", "Nihon",
                    "Hrvatska", "Suomi", "Eesti", "Sakartvelo", "Hayastan", "Belorussiya", "Rossiya",
                    "Österreich", "Schweiz", "Suisse", "Svizzera", "België", "Belgique", "Danmark",
                    "Norge", "Srbija", "România", "Rumania", "Magyarorszag", "Brasil", "Éire", "Zhongguo",
                    "Aotearoa", "Shqipëria", "Elláda", "Algérie", "Grønland", "Føroyar"}
# Codes used as aliases (all-caps -> matched case-sensitively). Two-letter ISO codes are NOT used by
# default ("IN", "IT", "NO", "TO" ... are words).
CODE_ALIASES_OK = {"USA", "US", "UK", "UAE", "DPRK", "ROK", "PRC", "DRC", "RSA", "KSA", "BVI"}


# code -> {source id: [forms]}: names of the country in the words of a source of another
# (or its own) country (the gazetteer's "usage" field; docs/extraction.md)
USAGE = {
    "KOR": {"country:PRK": ["south Korea", "the ROK puppets", "ROK puppets", "puppet ROK", "the puppet ROK",
                            "puppet south Korea", "puppet Korea", "the puppets", "the South"]},
    "USA": {"country:PRK": ["the U.S. imperialists", "US imperialists", "U.S. imperialists", "the imperialists",
                            "the U.S. imperialist aggressors"]},
    "PRK": {"country:KOR": ["the North"], "country:PRK": ["our Republic", "the Republic"]},
    "UKR": {"country:RUS": ["the Kiev regime", "the Kyiv regime", "the Zelensky regime", "the Kiev junta",
                            "the neo-Nazi regime", "the Kievan regime"]},
    # Iranian state media's names for Israel (IRNA, Tasnim, officials' statements)
    "ISR": {"country:IRN": ["the Zionist regime", "the Zionist entity", "the occupying regime", "the usurping regime",
                            "the occupying Zionist regime"]},
    "RUS": {"country:UKR": ["the aggressor", "the aggressor state", "the terrorist state", "the occupiers",
                            "the enemy", "the occupying state", "the Russian occupiers"]},
}


def fold(s):
    s = unicodedata.normalize("NFKD", s)
    return "".join(c for c in s if not unicodedata.combining(c))


def norm(s):
    s = fold(s).lower()
    s = re.sub(r"[^a-z0-9]+", " ", s)
    return s.strip()


def plural(d):
    """People form for a countryinfo demonym: 'Kenyan' -> 'Kenyans'; none for '-ese', '-ish', 'Swiss' ..."""
    if d.endswith(("ese", "ish", "ch", "ss", "sh", "sy", "x", "ois")):
        return None
    return d + "s"


def main():
    ci = {}
    for v in all_countries():
        if not isinstance(v, dict):
            v = v.info()
        iso = v.get("ISO") or {}
        a2 = iso.get("alpha2") if isinstance(iso, dict) else None
        if a2:
            ci[a2] = v

    out = sys.stdout
    out.write("# countries.jsonl: every ISO 3166-1 country/territory (kind Country), one JSON object a line.\n")
    out.write("# Generated by gen_countries.py from pycountry %s (ISO codes and names) and countryinfo\n" %
              getattr(pycountry, "__version__", "26.2.16"))
    out.write("# (default capitals/demonyms/alt spellings), corrected by the hand-kept OVERRIDES table.\n")
    out.write("# Do not edit by hand; edit gen_countries.py and re-run it.\n")

    for c in sorted(pycountry.countries, key=lambda c: c.alpha_3):
        a3 = c.alpha_3
        ov = OVERRIDES.get(a3, {})
        info = ci.get(c.alpha_2, {})
        name = ov.get("name") or getattr(c, "common_name", None) or c.name
        cand = []
        cand += ov.get("aliases", [])
        for n in (c.name, getattr(c, "official_name", None), getattr(c, "common_name", None)):
            if n and "," not in n and "(" not in n:
                cand.append(n)
        for alt in info.get("altSpellings") or []:
            alt = alt.strip()
            if not alt or "," in alt or "(" in alt:
                continue
            if alt.isupper() and len(alt) <= 4:
                if alt in CODE_ALIASES_OK:
                    cand.append(alt)
                continue
            if not re.fullmatch(r"[A-Za-z .'\-]+", fold(alt)):
                continue
            if " " not in alt and "-" not in alt and alt not in SAFE_SINGLE_WORD:
                continue
            cand.append(alt)
        drop = set(ov.get("drop", []))
        # hand-kept aliases are all kept (exact de-dup only); sourced ones are de-duplicated after folding
        aliases, seen = [], {norm(name)}
        for a in ov.get("aliases", []):
            if a not in aliases:
                aliases.append(a)
                seen.add(a if a.isupper() else norm(a))
        for a in cand[len(ov.get("aliases", [])):]:
            # all-caps aliases are matched case-sensitively, so "U.S." and "US" are distinct
            key = a if a.isupper() else norm(a)
            if a in drop or key in seen:
                continue
            seen.add(key)
            aliases.append(a)

        if "demonyms" in ov:
            dem = list(ov["demonyms"])
        else:
            dem = []
            for d in (info.get("demonym") or "").split(","):
                d = d.strip()
                if not d:
                    continue
                dem.append(d)
                p = plural(d)
                if p:
                    dem.append(p)
        if "capitals" in ov:
            caps = list(ov["capitals"])
        else:
            cap = (info.get("capital") or "").strip()
            caps = [cap] if cap and norm(cap) != norm(name) and "/" not in cap else []
            if cap and fold(cap) != cap and caps:
                caps.append(fold(cap))
        # de-duplicate, drop anything equal to the name
        def dedup(xs):
            r, s = [], set()
            for x in xs:
                if norm(x) in s or norm(x) == norm(name):
                    continue
                s.add(norm(x))
                r.append(x)
            return r
        dem, caps = dedup(dem), dedup(caps)
        e = {"id": "country:" + a3, "kind": "Country", "name": name}
        if aliases:
            e["aliases"] = aliases
        if dem:
            e["demonyms"] = dem
        if caps:
            e["capitals"] = caps
        e["keys"] = {"iso3166_alpha2": c.alpha_2, "iso3166_alpha3": a3, "iso3166_numeric": c.numeric}
        if ov.get("description"):
            e["description"] = ov["description"]
        if code in USAGE:
            e["usage"] = USAGE[code]
        out.write(json.dumps(e, ensure_ascii=False) + "\n")


if __name__ == "__main__":
    main()
