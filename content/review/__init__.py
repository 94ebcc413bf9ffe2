"""Sign-off before publication, history and restore, for every text parents read.

- `workflow`: the decisions (save, submit, withdraw, send back, sign off, restore);
- `kinds`: what each reviewed model (Page, SiteText, Term, Guide) keeps as text;
- `text`: how text is normalised before it is stored and compared;
- `diff`: readable differences for the admin;
- `cycle`: which pages are overdue for review;
- `roles`: the Editors and Medical reviewers groups;
- `translations`: starting a translation, and those the English has left behind;
- `notify`: the emails about sign-off (sent after the transaction commits).

Callers use `from content import review` and the names below.
"""

from content.review.kinds import kind_of, sorted_sources, source_dict
from content.review.roles import EDITORS, REVIEWERS
from content.review.workflow import (
    SIGN_OFF_PERMISSION,
    ReviewRefused,
    Version,
    authors,
    can_sign_off,
    edit_token,
    find_version,
    is_waiting,
    item_of,
    language_of,
    languages_read,
    last_save,
    live_data,
    one_year_after,
    reads,
    record_unpublished,
    refusal_for_language,
    restore,
    review_token,
    review_url_of,
    role_of,
    save_edit,
    send_back,
    sent_back_note,
    sign_off,
    submit,
    user_name,
    versions,
    waiting_change,
    waiting_for,
    withdraw,
    working_data,
)

__all__ = [
    "EDITORS",
    "REVIEWERS",
    "SIGN_OFF_PERMISSION",
    "ReviewRefused",
    "Version",
    "authors",
    "can_sign_off",
    "edit_token",
    "find_version",
    "is_waiting",
    "item_of",
    "kind_of",
    "language_of",
    "languages_read",
    "last_save",
    "live_data",
    "one_year_after",
    "reads",
    "record_unpublished",
    "refusal_for_language",
    "restore",
    "review_token",
    "review_url_of",
    "role_of",
    "save_edit",
    "send_back",
    "sent_back_note",
    "sign_off",
    "sorted_sources",
    "source_dict",
    "submit",
    "user_name",
    "versions",
    "waiting_change",
    "waiting_for",
    "withdraw",
    "working_data",
]
