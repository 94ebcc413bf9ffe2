"""Django's SQLite backend, made to refuse to create a missing database file.

SQLite creates an empty file when asked to open one that is not there. When
the site's database file went away, that gave an empty site that answered
errors. Here an existing file is opened read-write only (`mode=rw`), so a lost
file is an error that says what happened. Only `manage.py migrate` may create
the file (it sets SQLITE_CREATE=1), so a fresh clone still starts with
`make run`.
"""
