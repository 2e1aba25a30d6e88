"""Terms shared by every page: the frame, filters, notices."""

TERMS = {
    "common.no_data": {"en": "Nothing to show for this selection.", "pl": "Brak danych dla tego wyboru."},
    "common.how_computed": {"en": "How is this computed? — {title}", "pl": "Jak to jest liczone? — {title}"},
}
