"""Text as it is stored and compared, whoever typed it and however.

Browsers send a textarea with CRLF line ends and Django's form fields strip
a final newline, while the starting pages were written with LF and a final
newline. Compared raw, a save that changed nothing but a page's order looked
like a change for a clinician to sign off.
"""


def normalise(value):
    """One string as stored: LF line ends, no blank space at either end."""
    if not isinstance(value, str):
        return value
    return value.replace("\r\n", "\n").replace("\r", "\n").strip()


def normalise_data(data):
    """Every string inside `data` (dicts and lists of them) normalised."""
    if isinstance(data, dict):
        return {key: normalise_data(value) for key, value in data.items()}
    if isinstance(data, list | tuple):
        return [normalise_data(value) for value in data]
    return normalise(data)
