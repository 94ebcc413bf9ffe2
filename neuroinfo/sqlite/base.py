import os
from pathlib import Path
from urllib.parse import quote

from django.db.backends.sqlite3 import base
from django.db.backends.sqlite3.base import Database


def may_create_database():
    return os.environ.get("SQLITE_CREATE", "") == "1"


class DatabaseWrapper(base.DatabaseWrapper):
    def get_new_connection(self, conn_params):
        name = str(conn_params["database"])
        if self.is_in_memory_db() or name.startswith("file:") or may_create_database():
            return super().get_new_connection(conn_params)
        path = Path(name).resolve()
        params = {**conn_params, "database": f"file:{quote(str(path))}?mode=rw", "uri": True}
        try:
            return super().get_new_connection(params)
        except Database.OperationalError as error:
            if path.exists():
                raise
            raise Database.OperationalError(
                f"The SQLite database file {path} is missing. Restore it from a backup "
                "(or point DATABASE_URL at the right file). Run `python manage.py migrate` "
                "only if you mean to start again with a new database."
            ) from error
