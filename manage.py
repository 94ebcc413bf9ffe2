#!/usr/bin/env python
import os
import sys

if __name__ == "__main__":
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "neuroinfo.settings")
    if sys.argv[1:2] == ["migrate"]:
        # Only migrate may create a missing SQLite file (see neuroinfo/sqlite).
        os.environ.setdefault("SQLITE_CREATE", "1")
    from django.core.management import execute_from_command_line

    execute_from_command_line(sys.argv)
