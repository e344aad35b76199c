"""Surface forms of the states and bodies the written training sentences use (written for this project).

Each entry: code -> (names, capital or seat, adjective). Names are the forms a subject can take; the
capital stands for the government (GUIDELINE: metonyms resolve to the state); the adjective builds
phrases such as "Vietnamese officials" or "the Iranian navy".
"""
STATES = {
    "USA": (["the United States", "the US", "the U.S.", "America"], "Washington", "American"),
    "RUS": (["Russia", "the Russian Federation"], "Moscow", "Russian"),
    "CHN": (["China", "the People's Republic of China"], "Beijing", "Chinese"),
    "PRK": (["North Korea", "the DPRK"], "Pyongyang", "North Korean"),
    "KOR": (["South Korea", "the Republic of Korea"], "Seoul", "South Korean"),
    "JPN": (["Japan"], "Tokyo", "Japanese"),
    "VNM": (["Vietnam", "Viet Nam"], "Hanoi", "Vietnamese"),
    "LAO": (["Laos", "the Lao PDR"], "Vientiane", "Lao"),
    "KHM": (["Cambodia"], "Phnom Penh", "Cambodian"),
    "THA": (["Thailand"], "Bangkok", "Thai"),
    "MMR": (["Myanmar", "Burma"], "Naypyidaw", "Myanmar"),
    "IRN": (["Iran"], "Tehran", "Iranian"),
    "UKR": (["Ukraine"], "Kyiv", "Ukrainian"),
    "BLR": (["Belarus"], "Minsk", "Belarusian"),
    "IND": (["India"], "New Delhi", "Indian"),
    "PAK": (["Pakistan"], "Islamabad", "Pakistani"),
    "TUR": (["Turkey", "Türkiye"], "Ankara", "Turkish"),
    "ISR": (["Israel"], "Jerusalem", "Israeli"),
    "SYR": (["Syria"], "Damascus", "Syrian"),
    "DEU": (["Germany"], "Berlin", "German"),
    "FRA": (["France"], "Paris", "French"),
    "GBR": (["Britain", "the United Kingdom"], "London", "British"),
    "POL": (["Poland"], "Warsaw", "Polish"),
    "BRA": (["Brazil"], "Brasilia", "Brazilian"),
    "ZAF": (["South Africa"], "Pretoria", "South African"),
    "EGY": (["Egypt"], "Cairo", "Egyptian"),
    "SAU": (["Saudi Arabia"], "Riyadh", "Saudi"),
    "CUB": (["Cuba"], "Havana", "Cuban"),
    "VEN": (["Venezuela"], "Caracas", "Venezuelan"),
    "KAZ": (["Kazakhstan"], "Astana", "Kazakh"),
    "MNG": (["Mongolia"], "Ulaanbaatar", "Mongolian"),
    "PHL": (["the Philippines"], "Manila", "Philippine"),
    "IDN": (["Indonesia"], "Jakarta", "Indonesian"),
    "AUS": (["Australia"], "Canberra", "Australian"),
    "CAN": (["Canada"], "Ottawa", "Canadian"),
    "ETH": (["Ethiopia"], "Addis Ababa", "Ethiopian"),
    "NGA": (["Nigeria"], "Abuja", "Nigerian"),
    "MEX": (["Mexico"], "Mexico City", "Mexican"),
    "ARM": (["Armenia"], "Yerevan", "Armenian"),
    "AZE": (["Azerbaijan"], "Baku", "Azerbaijani"),
    "SRB": (["Serbia"], "Belgrade", "Serbian"),
    "QAT": (["Qatar"], "Doha", "Qatari"),
}

# Bodies: code -> names (GUIDELINE: UNO for UN bodies, EUR for the EU, IGO for other bodies).
BODIES = {
    "UNO": ["the United Nations", "the UN Security Council", "the UN General Assembly"],
    "EUR": ["the European Union", "the EU"],
    "IGO": ["NATO", "ASEAN", "the African Union", "the IAEA"],
}
