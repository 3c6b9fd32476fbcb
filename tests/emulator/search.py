# GNU General Public License v3.0+ (see COPYING or https://www.gnu.org/licenses/gpl-3.0.txt)
"""The search side of a domain: an inverted index of every search key's values, and the
eventually consistent replica of it that SearchProfiles reads.

Each profile has one search document: its standard key values (_profileId, _account, _email,
_phone, _fullName, computed from the profile's fields and matched exactly as stored) and its
custom key values (the stored keys of its profile objects, normalised by the key's ContentType).
The primary index is updated at once (ingestion matches profiles through it); the replica applies
the same writes after the search lag (state.search_lag(), default 0 s).
"""

import collections
import decimal
import re
import threading
import time

from . import state

EMAIL_FIELDS = ("EmailAddress", "PersonalEmailAddress", "BusinessEmailAddress")
PHONE_FIELDS = ("PhoneNumber", "MobilePhoneNumber", "HomePhoneNumber", "BusinessPhoneNumber")
NAME_FIELDS = ("FirstName", "MiddleName", "LastName")
STANDARD_KEYS = ("_profileId", "_account", "_email", "_phone", "_fullName")

_SPACES = re.compile(r"\s+")
_NOT_DIGIT = re.compile(r"\D")


# ContentType normalisation (admin guide, "Field definitions in Customer Profiles object type mappings":
# EMAIL_ADDRESS and NAME are case-insensitive, NAME collapses repeated spaces, PHONE_NUMBER ignores
# formatting so +1 (206) 345-7890 matches 2063457890; STRING is matched exactly as written).
def _phone(value):
    digits = _NOT_DIGIT.sub("", value)
    if len(digits) == 11 and digits.startswith("1"):
        digits = digits[1:]  # NANP country code: "+15551234567" matches "(555)-123-4567"
    return digits or value


def _number(value):
    try:
        number = decimal.Decimal(value.strip())
    except (decimal.InvalidOperation, ValueError):
        return value
    if not number.is_finite():
        return value
    normal = number.normalize()
    return format(normal, "f") if normal == normal.to_integral() else str(normal)


NORMALIZERS = {
    "STRING": lambda value: value,
    "EMAIL_ADDRESS": lambda value: value.strip().lower(),
    "NAME": lambda value: _SPACES.sub(" ", value).strip().lower(),
    "PHONE_NUMBER": _phone,
    "NUMBER": _number,
}


def normalize(content_type, value):
    return NORMALIZERS.get(content_type or "STRING", NORMALIZERS["STRING"])(value)


def full_name(profile):
    return " ".join(profile[field] for field in NAME_FIELDS if profile.get(field))


def standard_values(profile):
    """{standard key: [values]} of a profile (exact values, as the profile stores them)."""
    out = {"_profileId": [profile["ProfileId"]]}
    if profile.get("AccountNumber"):
        out["_account"] = [profile["AccountNumber"]]
    emails = [profile[f] for f in EMAIL_FIELDS if profile.get(f)]
    if emails:
        out["_email"] = emails
    phones = [profile[f] for f in PHONE_FIELDS if profile.get(f)]
    if phones:
        out["_phone"] = phones
    name = full_name(profile)
    if name:
        out["_fullName"] = [name]
    return out


class SearchDocument:
    """What the index knows of one profile: the profile as indexed, its position, its key values."""

    __slots__ = ("profile", "seq", "standard", "custom")

    def __init__(self, profile, seq, custom):
        self.profile = profile
        self.seq = seq
        self.standard = {key: set(values) for key, values in standard_values(profile).items()}
        self.custom = {key: set(values) for key, values in custom.items() if values}

    def hits(self, key_name, wanted, normalizer):
        """The values of wanted (as requested) that this document has for key_name."""
        standard = self.standard.get(key_name, ())
        custom = self.custom.get(key_name, ())
        return [value for value in wanted if value in standard or (custom and normalizer(value) in custom)]


class SearchIndex:
    """Inverted index: key name -> value -> {profile id}; one for standard values, one for custom ones."""

    def __init__(self):
        self.docs = {}
        self._standard = collections.defaultdict(lambda: collections.defaultdict(set))
        self._custom = collections.defaultdict(lambda: collections.defaultdict(set))

    def put(self, profile_id, document):
        self.remove(profile_id)
        self.docs[profile_id] = document
        for index, values in ((self._standard, document.standard), (self._custom, document.custom)):
            for key_name, key_values in values.items():
                postings = index[key_name]
                for value in key_values:
                    postings[value].add(profile_id)

    def remove(self, profile_id):
        document = self.docs.pop(profile_id, None)
        if document is None:
            return
        for index, values in ((self._standard, document.standard), (self._custom, document.custom)):
            for key_name, key_values in values.items():
                postings = index.get(key_name)
                if postings is None:
                    continue
                for value in key_values:
                    ids = postings.get(value)
                    if ids is not None:
                        ids.discard(profile_id)
                        if not ids:
                            del postings[value]

    def clear(self):
        self.docs.clear()
        self._standard.clear()
        self._custom.clear()

    def lookup(self, key_name, values, normalizer):
        """Ids of the profiles that have any of values for key_name (standard: exact; custom: normalised)."""
        found = set()
        standard = self._standard.get(key_name)
        custom = self._custom.get(key_name)
        for value in values:
            if standard:
                found.update(standard.get(value, ()))
            if custom:
                found.update(custom.get(normalizer(value), ()))
        return found

    def search(self, keys, use_and):
        """[(document, found_by_items)] in profile creation order.

        keys: [(key name, values, normalizer)]; AND needs every key to match, OR any.
        """
        candidates = None
        for key_name, values, normalizer in keys:
            ids = self.lookup(key_name, values, normalizer)
            if candidates is None:
                candidates = ids
            elif use_and:
                candidates &= ids
            else:
                candidates |= ids
        documents = sorted((self.docs[pid] for pid in candidates or ()), key=lambda doc: doc.seq)
        out = []
        for document in documents:
            found = []
            for key_name, values, normalizer in keys:
                hits = document.hits(key_name, values, normalizer)
                if hits:
                    found.append({"KeyName": key_name, "Values": sorted(set(hits), key=hits.index)})
            out.append((document, found))
        return out


class LaggingIndex:
    """A SearchIndex that applies each write `state.search_lag()` seconds after it was made.

    Writes are applied in the order they were made; a write made while earlier ones are still
    pending waits behind them even if the lag was lowered meanwhile.
    """

    def __init__(self):
        self.index = SearchIndex()
        self._pending = collections.deque()
        self._lock = threading.Lock()

    def _write(self, operation, profile_id, document):
        lag = state.search_lag()
        with self._lock:
            if lag <= 0 and not self._pending:
                self._apply(operation, profile_id, document)
            else:
                self._pending.append((time.monotonic() + max(lag, 0), operation, profile_id, document))

    def _apply(self, operation, profile_id, document):
        if operation == "put":
            self.index.put(profile_id, document)
        else:
            self.index.remove(profile_id)

    def put(self, profile_id, document):
        self._write("put", profile_id, document)

    def remove(self, profile_id):
        self._write("remove", profile_id, None)

    def catch_up(self):
        """Apply every write whose lag has passed."""
        with self._lock:
            current = time.monotonic()
            while self._pending and self._pending[0][0] <= current:
                _due, operation, profile_id, document = self._pending.popleft()
                self._apply(operation, profile_id, document)

    def pending(self):
        with self._lock:
            return len(self._pending)

    def search(self, keys, use_and):
        self.catch_up()
        with self._lock:
            return self.index.search(keys, use_and)
