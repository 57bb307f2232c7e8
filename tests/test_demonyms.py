"""Country and demonym data: every country of the table is recognised in English, French,
German and Russian, as a name, an adjective or a people noun, inflected; and a name check
does not call a country named on one side and said as a demonym on the other an added or
missing name.

The table covers the countries of the demonym lexicon, the G20 and the EU (plus Belarus
and Kazakhstan), then ~50 more that are often in the news. Forms left out on purpose,
because once folded they are other words too: English Pole (pole), Brit (Britt), Finn
(fin), Scot (Scott), Tajik (taiko); French tadjik (Tadić); German Finne (fine: only
Finnen is listed), Ire, Lette (letter), Este (Spanish este), Isländer (islander); Russian
поляк- (Поляков), финн- (fin-), ганц- (gants). Russian stems are cut long enough not to
start other words (индийск-, not индий-: individual; валлийск-, not валлий-: валюта, Walid).
English Finnish is listed although it folds like finish. Not covered: short Russian names
in oblique cases (Кубе, Кубы: кубе is a cube's too).
"""

from __future__ import annotations

import pytest

from comparekit.compare import divergences
from comparekit.compare.entities import extract_entities, resolve, text_ids
from comparekit.compare.lexicon import fold, tokenize

#: country code -> forms that must resolve to it: en | fr | de | ru.
FORMS = {
    "AF": "Afghan Afghans | afghan afghane Afghans | afghanisch Afghane Afghanen | афганский афганцы афганцев Афганистане",
    "AM": "Armenian Armenians | arménien arménienne Arméniens | armenisch Armenier | армянский армяне армян Армении",
    "AR": "Argentine Argentinian Argentinians | argentin argentine Argentins | argentinisch Argentinier | аргентинский аргентинцы Аргентине",
    "AT": "Austrian Austrians | autrichien autrichienne Autrichiens | österreichisch Österreicher Österreichs | австрийский австрийцы австрийцев Австрии",
    "AU": "Australian Australians | australien australienne | australisch Australier | австралийский австралийцы Австралии",
    "AZ": "Azerbaijani Azeri Azeris | azerbaïdjanais azerbaïdjanaise | aserbaidschanisch Aserbaidschaner | азербайджанский азербайджанцы Азербайджане",
    "BE": "Belgian Belgians | belge Belges | belgisch Belgier | бельгийский бельгийцы Бельгии",
    "BG": "Bulgarian Bulgarians | bulgare Bulgares | bulgarisch Bulgare Bulgaren | болгарский болгары Болгарии",
    "BO": "Bolivian Bolivians | bolivien bolivienne | bolivianisch Bolivianer | боливийский боливийцы Боливии",
    "BR": "Brazilian Brazilians | brésilien brésilienne | brasilianisch Brasilianer | бразильский бразильцы Бразилии",
    "BY": "Belarusian Belarusians | biélorusse Biélorusses | belarussisch weißrussisch Belarussen | белорусский белорусы Белоруссии Беларуси",
    "CA": "Canadian Canadians | canadien canadienne | kanadisch Kanadier | канадский канадцы Канаде",
    "CH": "Swiss | suisse Suisses | schweizerisch Schweizer | швейцарский швейцарцы Швейцарии",
    "CL": "Chilean Chileans | chilien chilienne | chilenisch Chilene Chilenen | чилийский чилийцы Чили",
    "CN": "Chinese | chinois chinoise | chinesisch Chinese Chinesen | китайский китайцы Китаем",
    "CO": "Colombian Colombians | colombien colombienne | kolumbianisch Kolumbianer | колумбийский колумбийцы Колумбии",
    "CU": "Cuban Cubans | cubain cubaine | kubanisch Kubaner | кубинский кубинцы",
    "CY": "Cypriot Cypriots | chypriote Chypriotes | zyprisch zypriotisch Zyprer Zyprioten | кипрский киприоты Кипре",
    "CZ": "Czech Czechs | tchèque Tchèques | tschechisch Tscheche Tschechen | чешский чехи Чехии",
    "DE": "German Germans | allemand allemande Allemands | deutsch deutsche Deutschen | немецкий немцы немцев немцами германский Германии",
    "DK": "Danish Dane Danes | danois danoise | dänisch Däne Dänen | датский датского датчане датчан Дании",
    "EE": "Estonian Estonians | estonien estonienne | estnisch | эстонский эстонцы Эстонии",
    "EG": "Egyptian Egyptians | égyptien égyptienne | ägyptisch Ägypter | египетский египтяне египтян Египте",
    "ES": "Spanish Spaniard Spaniards | espagnol espagnole | spanisch Spanier | испанский испанцы Испании",
    "EU": "European Europeans | européen européenne | europäisch Europäer | европейский европейцы",
    "FI": "Finnish | finlandais finlandaise Finlandais | finnisch | финский финского Финляндии",
    "FR": "French Frenchman | français française | französisch Franzose Franzosen | французский французы Франции",
    "GB": "British Briton Britons English Scottish Welsh | britannique Britanniques anglais écossais | britisch Brite Briten englisch Engländer | британский британцы английский англичане англичан Великобритании",
    "GE": "Georgian Georgians | géorgien géorgienne | georgisch Georgier | грузинский грузины Грузии",
    "GR": "Greek Greeks | grec grecque Grecs | griechisch Grieche Griechen | греческий греки Греции",
    "HR": "Croatian Croat Croats | croate Croates | kroatisch Kroate Kroaten | хорватский хорваты Хорватии",
    "HU": "Hungarian Hungarians | hongrois hongroise | ungarisch Ungarn | венгерский венгры Венгрии",
    "ID": "Indonesian Indonesians | indonésien indonésienne | indonesisch Indonesier | индонезийский индонезийцы Индонезии",
    "IE": "Irish | irlandais irlandaise | irisch | ирландский ирландцы Ирландии",
    "IL": "Israeli Israelis | israélien israélienne | israelisch | израильский израильтяне Израиле",
    "IN": "Indian Indians | indien indienne | indisch Inder | индийский индийцы Индии",
    "IQ": "Iraqi Iraqis | irakien irakienne | irakisch Iraker | иракский иракцы Ираке",
    "IR": "Iranian Iranians | iranien iranienne | iranisch Iraner | иранский иранцы Иране",
    "IT": "Italian Italians | italien italienne | italienisch Italiener | итальянский итальянцы Италии",
    "JO": "Jordanian Jordanians | jordanien jordanienne | jordanisch Jordanier | иорданский иорданцы Иордании",
    "JP": "Japanese | japonais japonaise | japanisch Japaner | японский японцы Японии",
    "KE": "Kenyan Kenyans | kényan kényane | kenianisch Kenianer | кенийский кенийцы Кении",
    "KR": "Korean Koreans | coréen coréenne | koreanisch Koreaner | корейский корейцы Кореи",
    "KZ": "Kazakh Kazakhs Kazakhstani | kazakh kazakhe Kazakhs kazakhstanais | kasachisch Kasache Kasachen | казахский казахи казахстанский Казахстане",
    "LB": "Lebanese | libanais libanaise | libanesisch Libanese Libanesen | ливанский ливанцы Ливане",
    "LT": "Lithuanian Lithuanians | lituanien lituanienne | litauisch Litauer | литовский литовцы Литве",
    "LU": "Luxembourgish Luxembourger | luxembourgeois luxembourgeoise | luxemburgisch Luxemburger | люксембургский Люксембурге",
    "LV": "Latvian Latvians | letton lettonne Lettons | lettisch Letten | латвийский латыши латышей латышский Латвии",
    "MK": "Macedonian Macedonians | macédonien macédonienne | mazedonisch Mazedonier | македонский македонцы Македонии",
    "MT": "Maltese | maltais maltaise | maltesisch | мальтийский мальтийцы Мальте",
    "MX": "Mexican Mexicans | mexicain mexicaine | mexikanisch Mexikaner | мексиканский мексиканцы Мексике",
    "NG": "Nigerian Nigerians | nigérian nigériane | nigerianisch Nigerianer | нигерийский нигерийцы Нигерии",
    "NL": "Dutch Dutchman | néerlandais néerlandaise hollandais | niederländisch Niederländer holländisch | нидерландский голландский голландцы Нидерландах Нидерландов",
    "NO": "Norwegian Norwegians | norvégien norvégienne | norwegisch Norweger | норвежский норвежцы Норвегии",
    "PE": "Peruvian Peruvians | péruvien péruvienne | peruanisch Peruaner | перуанский перуанцы Перу",
    "PH": "Filipino Filipinos Philippine | philippin philippine | philippinisch Philippiner | филиппинский филиппинцы Филиппинах",
    "PK": "Pakistani Pakistanis | pakistanais pakistanaise | pakistanisch Pakistaner | пакистанский пакистанцы Пакистане",
    "PL": "Polish | polonais polonaise Polonais | polnisch | польский польского Польше",
    "PS": "Palestinian Palestinians | palestinien palestinienne | palästinensisch Palästinenser | палестинский палестинцы",
    "PT": "Portuguese | portugais portugaise | portugiesisch Portugiese Portugiesen | португальский португальцы Португалии",
    "RO": "Romanian Romanians | roumain roumaine | rumänisch Rumäne Rumänen | румынский румыны Румынии",
    "RS": "Serbian Serb Serbs | serbe Serbes | serbisch Serbe Serben | сербский сербы Сербии",
    "RU": "Russian Russians | russe Russes | russisch Russe Russen | российский русский россияне россиян России",
    "SA": "Saudi Saudis | saoudien saoudienne | saudisch saudi-arabisch | саудовский Саудовской",
    "SE": "Swedish Swede Swedes | suédois suédoise | schwedisch Schwede Schweden | шведский шведы Швеции",
    "SI": "Slovenian Slovene Slovenians | slovène Slovènes | slowenisch Slowene Slowenen | словенский словенцы Словении",
    "SK": "Slovak Slovaks Slovakian | slovaque Slovaques | slowakisch Slowake Slowaken | словацкий словаки Словакии",
    "SY": "Syrian Syrians | syrien syrienne | syrisch Syrer | сирийский сирийцы Сирии",
    "TH": "Thai Thais | thaïlandais thaïlandaise | thailändisch Thailänder | тайский таиландский Таиланде",
    "TR": "Turkish Turk Turks | turc turque Turcs | türkisch Türke Türken | турецкий турки Турции",
    "UA": "Ukrainian Ukrainians | ukrainien ukrainienne | ukrainisch Ukrainer | украинский украинцы Украине",
    "US": "American Americans | américain américaine | amerikanisch Amerikaner | американский американцы США",
    "VE": "Venezuelan Venezuelans | vénézuélien vénézuélienne | venezolanisch Venezolaner | венесуэльский венесуэльцы Венесуэле",
    "VN": "Vietnamese | vietnamien vietnamienne | vietnamesisch Vietnamese Vietnamesen | вьетнамский вьетнамцы Вьетнаме",
    "ZA": "| sud-africain sud-africaine Sud-Africains | südafrikanisch Südafrikaner | южноафриканский южноафриканцы ЮАР",
    # beyond the G20 and the EU: countries often in the news
    "MD": "Moldovan Moldovans | moldave Moldaves | moldauisch Moldauer | молдавский молдаване молдавского Молдавии Молдове",
    "UZ": "Uzbek Uzbeks | ouzbek ouzbèke Ouzbeks | usbekisch Usbeke Usbeken | узбекский узбеки узбеков Узбекистане",
    "KG": "Kyrgyz | kirghize Kirghizes | kirgisisch | киргизский киргизы Киргизии Кыргызстане",
    "TJ": " |  | tadschikisch | таджикский таджики Таджикистане",
    "TM": "Turkmen | turkmène | turkmenisch | туркменский туркмены Туркмении",
    "LY": "Libyan Libyans | libyen libyenne | libysch Libyer | ливийский ливийцы Ливии",
    "YE": "Yemeni Yemenis | yéménite Yéménites | jemenitisch Jemeniten | йеменский йеменцы Йемене",
    "QA": "Qatari Qataris | qatari qatarie Qataris | katarisch | катарский катарцы Катаре",
    "KW": "Kuwaiti Kuwaitis | koweïtien koweïtienne | kuwaitisch | кувейтский кувейтцы Кувейте",
    "AE": "Emirati Emiratis | émirati émiratie | emiratisch | эмиратский ОАЭ",
    "MA": "Moroccan Moroccans | marocain marocaine | marokkanisch Marokkaner | марокканский марокканцы Марокко",
    "DZ": "Algerian Algerians | algérien algérienne | algerisch Algerier | алжирский алжирцы Алжире",
    "TN": "Tunisian Tunisians | tunisien tunisienne | tunesisch Tunesier | тунисский тунисцы Тунисе",
    "SD": "Sudanese | soudanais soudanaise | sudanesisch | суданский суданцы Судане",
    "SO": "Somali Somalis | somalien somalienne | somalisch | сомалийский сомалийцы Сомали",
    "ET": "Ethiopian Ethiopians | éthiopien éthiopienne | äthiopisch Äthiopier | эфиопский эфиопы Эфиопии",
    "IS": "Icelandic Icelanders | islandais islandaise | isländisch | исландский исландцы Исландии",
    "AL": "Albanian Albanians | albanais albanaise | albanisch Albaner | албанский албанцы Албании",
    "BA": "Bosnian Bosnians | bosnien bosnienne | bosnisch | боснийский боснийцы Боснии",
    "ME": "Montenegrin | monténégrin monténégrine | montenegrinisch | черногорский черногорцы Черногории",
    "XK": "Kosovar Kosovars | kosovar | kosovarisch Kosovaren | косовский косовары Косово",
    "NZ": "Zealander | néo-zélandais néo-zélandaise | neuseeländisch Neuseeländer | новозеландский новозеландцы",
    "SG": "Singaporean Singaporeans | singapourien singapourienne | singapurisch | сингапурский сингапурцы Сингапуре",
    "MY": "Malaysian Malaysians | malaisien malaisienne | malaysisch | малайзийский малайзийцы Малайзии",
    "BD": "Bangladeshi Bangladeshis | bangladais bangladaise | bangladeschisch | бангладешский Бангладеш",
    "LK": "Lankan Lankans | sri-lankais sri-lankaise | srilankisch | шриланкийский",
    "NP": "Nepalese Nepali | népalais népalaise | nepalesisch | непальский непальцы Непале",
    "MM": "Burmese | birman birmane | birmanisch myanmarisch | мьянманский бирманский Мьянме",
    "KH": "Cambodian Cambodians | cambodgien cambodgienne | kambodschanisch | камбоджийский Камбодже",
    "MN": "Mongolian Mongolians | mongol mongole | mongolisch | монгольский монголы Монголии",
    "EC": "Ecuadorian Ecuadorians | équatorien équatorienne | ecuadorianisch | эквадорский эквадорцы Эквадоре",
    "UY": "Uruguayan Uruguayans | uruguayen uruguayenne | uruguayisch | уругвайский уругвайцы Уругвае",
    "PY": "Paraguayan | paraguayen paraguayenne | paraguayisch | парагвайский Парагвае",
    "NI": "Nicaraguan | nicaraguayen nicaraguayenne | nicaraguanisch | никарагуанский Никарагуа",
    "GT": "Guatemalan Guatemalans | guatémaltèque | guatemaltekisch | гватемальский гватемальцы Гватемале",
    "HN": "Honduran Hondurans | hondurien hondurienne | honduranisch | гондурасский гондурасцы Гондурасе",
    "HT": "Haitian Haitians | haïtien haïtienne | haitianisch | гаитянский гаитяне Гаити",
    "JM": "Jamaican Jamaicans | jamaïcain jamaïcaine | jamaikanisch | ямайский ямайцы Ямайке",
    "GH": "Ghanaian Ghanaians | ghanéen ghanéenne | ghanaisch | ганский",
    "ZW": "Zimbabwean Zimbabweans | zimbabwéen zimbabwéenne | simbabwisch | зимбабвийский Зимбабве",
    "UG": "Ugandan Ugandans | ougandais ougandaise | ugandisch | угандийский угандийцы Уганде",
    "RW": "Rwandan Rwandans | rwandais rwandaise | ruandisch | руандийский руандийцы Руанде",
    "TZ": "Tanzanian Tanzanians | tanzanien tanzanienne | tansanisch | танзанийский танзанийцы Танзании",
    "SN": "Senegalese | sénégalais sénégalaise | senegalesisch | сенегальский сенегальцы Сенегале",
    "ML": "Malian Malians | malien malienne | malisch | малийский малийцы Мали",
    "CM": "Cameroonian Cameroonians | camerounais camerounaise | kamerunisch | камерунский камерунцы Камеруне",
    "CI": "Ivorian Ivorians | ivoirien ivoirienne | ivorisch | ивуарийский ивуарийцы",
    "AO": "Angolan Angolans | angolais angolaise | angolanisch | ангольский ангольцы Анголе",
    "MZ": "Mozambican | mozambicain mozambicaine | mosambikanisch | мозамбикский Мозамбике",
}

CASES = [
    (code, lang, word)
    for code, spec in FORMS.items()
    for lang, part in zip(("en", "fr", "de", "ru"), spec.split("|"), strict=True)
    for word in part.split()
]


@pytest.mark.parametrize(("code", "lang", "word"), CASES, ids=[f"{c}-{w}" for c, _, w in CASES])
def test_every_form_resolves_to_its_country(code, lang, word):
    assert resolve(fold(word), word.isupper()) == code or code in text_ids(tokenize(word, lang))


@pytest.mark.parametrize(
    "word",
    [
        # once folded, these start like a demonym stem or are a demonym's word
        "fine",
        "finer",
        "letter",
        "Britt",
        "Nemtsov",
        "Немцов",
        "Немцова",
        "поляков",
        "Latisha",
        "este",
        "Irene",
        "pole",
        "Scott",
        "грузить",
        "individual",
        "indique",
        "Cheshire",
        "чешуя",
        "гречка",
        "angling",
        "valid",
        "Walid",
        "валюта",
        "валютный",
        "ruminant",
        "Турчинов",
        "taiko",
        "Tadić",
        "islanders",
        "gants",
    ],
)
def test_words_that_look_like_demonyms_are_no_country(word):
    assert resolve(fold(word)) is None


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("в отношениях с Соединенными Штатами", "US"),
        ("против Соединенных Штатов", "US"),
        ("в Соединённых Штатах Америки", "US"),
        ("с Соединенным Королевством", "GB"),
        ("Соединенного Королевства", "GB"),
        ("в Объединенных Арабских Эмиратах", "AE"),
        ("с Саудовской Аравией", "SA"),
        ("в Новой Зеландии", "NZ"),
        ("власти Южной Кореи", "KR"),
        ("в Доминиканской Республике", "DO"),
        ("президент Южной Африки", "ZA"),
        ("в Демократической Республике Конго", "CD"),
    ],
)
def test_russian_country_names_of_several_words_in_every_case(text, code):
    tokens = tokenize(text, "ru")
    assert code in text_ids(tokens)
    mentions = extract_entities(tokens, "ru", text=text)
    assert any(code in m.ids for m in mentions), mentions


def test_the_same_words_in_another_order_or_apart_are_no_country():
    assert "GB" not in text_ids(tokenize("королевство соединенное", "ru"))
    assert "NZ" not in text_ids(tokenize("новой системе в Зеландии", "ru"))


@pytest.mark.parametrize(
    ("a", "la", "b", "lb"),
    [
        (
            "Labour denies it is devising a plan for Britons to work a four day week.",
            "en",
            "Le Parti travailliste nie avoir élaboré un plan pour que les Britanniques travaillent quatre jours.",
            "fr",
        ),
        (
            "The ships are twice as heavy as those used by the Germans in the Second World War.",
            "en",
            "Корабли вдвое тяжелее тех, которые использовали немцами во Второй мировой войне.",
            "ru",
        ),
        (
            "Europe regained the crown as the Danish captain's team beat the hosts.",
            "en",
            "Европа вернула себе корону благодаря команде датского капитана.",
            "ru",
        ),
        (
            "Europe took a 10-6 lead over the United States.",
            "en",
            "Европа получила преимущество 10-6 над Соединенными Штатами.",
            "ru",
        ),
        (
            "He wants an independent, proud United Kingdom.",
            "en",
            "Он хочет независимого, гордого Соединенного Королевства.",
            "ru",
        ),
        (
            "North Korean Foreign Minister Ri Yong Ho spoke on Saturday.",
            "en",
            "Министр иностранных дел Северной Кореи Ри Ён Хо выступил в субботу.",
            "ru",
        ),
        (
            "How the US-China trade war may be good for Beijing",
            "en",
            "Comment la guerre commerciale entre les États-Unis et la Chine pourrait bénéficier à Pékin",
            "fr",
        ),
        (
            "The Netherlands-based UN body has no power to award territory.",
            "en",
            "Находящийся в Нидерландах орган ООН не имеет полномочий распоряжаться территорией.",
            "ru",
        ),
        (
            "Die Dänen und die Polen stimmten zu.",
            "de",
            "The Danish and Polish governments agreed.",
            "en",
        ),
    ],
)
def test_a_country_said_as_a_demonym_or_inflected_is_no_name_divergence(a, la, b, lb, settings):
    found = {d.type for d in divergences(a, la, b, lb, settings=settings)}
    assert not found & {"entity_added", "entity_missing"}
