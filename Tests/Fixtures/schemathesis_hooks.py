"""What schemathesis needs to know of Dixian's API document beyond JSON Schema (SCHEMATHESIS_HOOKS).

The document's `resident-id` format is an 18-character ID number (GB 11643) whose last
character checks the others, which no pattern states: without this strategy every
schema-valid ID number schemathesis made up would be one the server rightly refuses.
"""
from datetime import date

import schemathesis
from hypothesis import strategies as st

WEIGHTS = [7, 9, 10, 5, 8, 4, 2, 1, 6, 3, 7, 9, 10, 5, 8, 4, 2]
CHECK_CHARACTERS = "10X98765432"


def resident_id(area: str, birth: date, sequence: int) -> str:
    body = f"{area}{birth:%Y%m%d}{sequence:03d}"
    return body + CHECK_CHARACTERS[sum(int(digit) * weight for digit, weight in zip(body, WEIGHTS)) % 11]


schemathesis.openapi.format(
    "resident-id",
    st.builds(resident_id, st.sampled_from(["620621", "640323", "341322", "230125"]),
              st.dates(date(1930, 1, 1), date(2010, 12, 31)), st.integers(1, 999)),
)
