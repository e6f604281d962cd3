"""The DPRK's state media, known by the names their reports are published under.

One list for every place that tells state media from other publishers (the article intake,
the seed): English, romanised and Korean names of each outlet. A publisher is state media
when its name begins with one of them ("KCNA (kcna.kp Korean), via KCNA Watch"), not when it
only mentions one ("Yonhap, citing KCNA").
"""

import re

STATE_MEDIA = {
    "KCNA": ["KCNA", "Korean Central News Agency", "조선중앙통신", "KCNA.kp"],
    "Rodong Sinmun": ["Rodong Sinmun", "Rodong", "로동신문", "노동신문"],
    "Voice of Korea": ["Voice of Korea", "VOK", "조선의 소리", "Stimme Koreas"],
    "The Pyongyang Times": ["Pyongyang Times", "평양타임스"],
    "Minju Joson": ["Minju Joson", "민주조선"],
    "Naenara": ["Naenara", "내나라"],
    "Uriminzokkiri": ["Uriminzokkiri", "우리민족끼리"],
    "Tongil Sinbo": ["Tongil Sinbo", "통일신보"],
    "Chongnyon Chonwi": ["Chongnyon Chonwi", "청년전위"],
    "Korean Central TV": [
        "Korean Central Television",
        "Korean Central TV",
        "KCTV",
        "조선중앙텔레비죤",
    ],
    "Pyongyang Broadcasting Station": ["Pyongyang Broadcasting Station", "평양방송"],
}


def _folded(text: str) -> str:
    return re.sub(r"\W+", "", text.casefold().removeprefix("the "))


_BY_NAME = sorted(
    ((_folded(name), outlet) for outlet, names in STATE_MEDIA.items() for name in names),
    key=lambda pair: -len(pair[0]),
)


def state_media_outlet(publisher: str) -> str:
    """The state-media outlet a publisher's name begins with, or "" for any other."""
    folded = _folded(publisher or "")
    return next((outlet for name, outlet in _BY_NAME if folded.startswith(name)), "")
