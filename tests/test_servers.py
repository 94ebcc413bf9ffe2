"""Real gunicorn servers with the production settings: the page weight a phone
downloads, two servers sharing one Redis, and a database that goes away.

The servers get their own database: a SQLite file, or (when the suite runs on
PostgreSQL) a database beside the test database, reached through a small TCP
proxy. Stopping the proxy is how "the PostgreSQL server is down" is simulated:
the real server is shared with other runs and is never stopped here.
"""

import os
import re
import time
from html import unescape

import dj_database_url
import pytest

from tests.support.servers import (
    BASE_DIR,
    Browser,
    TcpProxy,
    base_env,
    manage,
    prepare_database,
    start_server,
)

pytestmark = pytest.mark.servers

IN_CI = os.environ.get("CI", "").lower() == "true"
BUDGET_BYTES = 30 * 1024
PUBLIC_PAGES = {
    "home": "/",
    "page list": "/pages/",
    "about": "/about/",
    "content page": "/pages/high-risk/",
    "guide start": "/guide/",
    "guide question": "/guide/risk-group/?where=spread",
    "guide result": "/guide/result/?where=spread&risk-group=high",
    # Each language's pages, with the starting translations migrate loads.
    "home in French": "/fr/",
    "content page in French": "/fr/pages/high-risk/",
    "guide result in French": "/fr/guide/result/?where=spread&risk-group=high",
    "content page in Spanish": "/es/pages/high-risk/",
    "guide question in Spanish": "/es/guide/risk-group/?where=spread",
}
# Weighed too, as served: the questions sheet (with its print script) and a
# search's results are not kept in the page cache, so are not compressed.
ALSO_WEIGHED = {
    "questions sheet": "/pages/high-risk/questions/",
    "glossary": "/glossary/",
    "search results": "/search/?q=stem+cell+transplant",
    "search results in Spanish": "/es/search/?q=recaida",
}
ACCEPT = {"Accept-Encoding": "gzip, deflate, br"}


class Database:
    """The servers' database, which a test can make unreachable and bring back."""

    def __init__(self, url, down, up):
        self.url, self.down, self.up = url, down, up


@pytest.fixture(scope="session")
def static_root():
    """The production static files (hashed, with .gz and .br), as `make run` collects them.

    Collected again only when our own static files or the pinned packages changed:
    compressing the admin's files takes a while on a busy machine.
    """
    root = BASE_DIR / "staticfiles"
    manifest = root / "staticfiles.json"
    sources = [*(BASE_DIR / "static").rglob("*"), BASE_DIR / "requirements.txt"]
    newest = max(path.stat().st_mtime for path in sources)
    if not manifest.exists() or manifest.stat().st_mtime < newest:
        manage(base_env("sqlite:///:memory:", root), "collectstatic", "--noinput")
    return root


@pytest.fixture(scope="session")
def postgres_for_servers():
    """{url, host, port} of a fresh PostgreSQL database, or None on SQLite."""
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        yield None
        return
    import psycopg

    config = dj_database_url.parse(url)
    name = f"{config['NAME']}_servers"
    admin = {
        "host": config["HOST"],
        "port": config["PORT"] or 5432,
        "user": config["USER"],
        "password": config["PASSWORD"],
        "dbname": "postgres",
        "autocommit": True,
    }
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')
        connection.execute(f'CREATE DATABASE "{name}"')
    yield {"config": config, "name": name}
    with psycopg.connect(**admin) as connection:
        connection.execute(f'DROP DATABASE IF EXISTS "{name}" WITH (FORCE)')


@pytest.fixture(scope="session")
def prepared(tmp_path_factory, static_root, postgres_for_servers):
    if postgres_for_servers:
        c = postgres_for_servers["config"]
        direct = (
            f"postgres://{c['USER']}:{c['PASSWORD']}@{c['HOST']}:{c['PORT'] or 5432}/"
            f"{postgres_for_servers['name']}"
        )
        prepare_database(base_env(direct, static_root))
        return {"postgres": postgres_for_servers}
    folder = tmp_path_factory.mktemp("servers") / "db"
    folder.mkdir()
    prepare_database(base_env(f"sqlite:///{folder / 'db.sqlite3'}", static_root))
    return {"sqlite_folder": folder}


@pytest.fixture
def database(prepared):
    if "postgres" in prepared:
        c = prepared["postgres"]["config"]
        proxy = TcpProxy(c["HOST"], int(c["PORT"] or 5432))
        proxy.start()
        url = f"postgres://{c['USER']}:{c['PASSWORD']}@127.0.0.1:{proxy.port}/"
        yield Database(url + prepared["postgres"]["name"], proxy.stop, proxy.start)
        proxy.stop()
        return
    folder = prepared["sqlite_folder"]
    away = folder.with_name("db-unreachable")

    def down():  # every new connection now fails: "unable to open database file"
        folder.rename(away)

    def up():
        away.rename(folder)

    yield Database(f"sqlite:///{folder / 'db.sqlite3'}", down, up)
    if away.exists():
        up()


@pytest.fixture
def servers():
    started = []

    def start(env):
        started.append(start_server(env))
        return started[-1]

    yield start
    for server in started:
        server.stop()


@pytest.fixture
def redis_url():
    url = os.environ.get("REDIS_URL")
    if not url:
        message = "REDIS_URL is not set. Start Redis with: REDIS_URL=$(bash scripts/redis.sh start)"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    import redis

    try:
        redis.Redis.from_url(url, socket_connect_timeout=2).ping()
    except redis.RedisError as error:
        message = f"No Redis answers at REDIS_URL={url}: {error}"
        if IN_CI:
            pytest.fail(message)
        pytest.skip(message)
    return url


def assets_of(html):
    """Addresses of the stylesheets, scripts and icons a browser fetches for a page."""
    found = re.findall(r'<link [^>]*href="(/static/[^"]+)"', html)
    return found + re.findall(r'<script [^>]*src="(/static/[^"]+)"', html)


def test_every_public_page_type_with_its_assets_is_under_30_kb_compressed(
    servers, database, static_root
):
    server = servers(base_env(database.url, static_root))
    visitor = Browser(server.url)
    weights = {}
    for name, path in {**PUBLIC_PAGES, **ALSO_WEIGHED}.items():
        page = visitor.get(path, **ACCEPT)
        assert page.status == 200, name
        assert name in ALSO_WEIGHED or page.headers["Content-Encoding"] == "br", name
        html = visitor.get(path).text  # plain, to read the asset addresses
        assets = assets_of(html)
        assert any(a.endswith(".css") for a in assets), name
        total = len(page.body)
        for asset in assets:
            response = visitor.get(asset, **ACCEPT)
            assert response.status == 200, asset
            total += len(response.body)
        weights[name] = total
    print("first-visit bytes, compressed:", weights)
    assert all(total < BUDGET_BYTES for total in weights.values()), weights


def test_static_files_are_sent_with_brotli_or_gzip_and_cached_for_a_year(
    servers, database, static_root
):
    server = servers(base_env(database.url, static_root))
    visitor = Browser(server.url)
    css = next(a for a in assets_of(visitor.get("/").text) if a.endswith(".css"))
    brotli_css = visitor.get(css, **ACCEPT)
    gzip_css = visitor.get(css, **{"Accept-Encoding": "gzip"})
    plain = visitor.get(css)
    assert brotli_css.headers["Content-Encoding"] == "br"
    assert gzip_css.headers["Content-Encoding"] == "gzip"
    assert len(brotli_css.body) < len(gzip_css.body) < len(plain.body)
    assert "immutable" in brotli_css.headers["Cache-Control"]


def test_a_real_server_answers_a_conditional_get_with_304(servers, database, static_root):
    server = servers(base_env(database.url, static_root))
    visitor = Browser(server.url)
    first = visitor.get("/pages/high-risk/", **ACCEPT)
    again = visitor.get("/pages/high-risk/", **ACCEPT, **{"If-None-Match": first.headers["ETag"]})
    assert again.status == 304
    assert again.body == b""
    assert "Set-Cookie" not in first.headers
    assert first.headers["Cache-Control"] == "public, max-age=60, stale-while-revalidate=60"


# A new connection per request, and (PostgreSQL) a kept connection that breaks
# mid-use. An open SQLite file stays readable when its folder goes, so only the
# first applies to SQLite.
ON_POSTGRES = os.environ.get("DATABASE_URL", "").startswith(("postgres://", "postgresql://"))
CONNECTION_AGES = ["0", "60"] if ON_POSTGRES else ["0"]


@pytest.mark.parametrize("conn_max_age", CONNECTION_AGES)
def test_when_the_database_is_down_cached_pages_are_served_and_others_get_a_calm_503(
    servers, database, static_root, conn_max_age
):
    server = servers(base_env(database.url, static_root, DB_CONN_MAX_AGE=conn_max_age))
    visitor = Browser(server.url)
    cached = visitor.get("/pages/high-risk/")
    assert cached.status == 200
    editor = Browser(server.url)
    editor.log_in()

    database.down()
    try:
        again = visitor.get("/pages/high-risk/")
        assert again.status == 200
        assert again.body == cached.body
        for who, path in [(visitor, "/pages/low-risk/"), (visitor, "/guide/"), (editor, "/admin/")]:
            response = who.get(path)
            html = unescape(response.text)
            assert response.status == 503, path
            assert response.headers["Retry-After"] == "120", path
            assert "Please try again in a few minutes" in html, path
            # The editors' text, kept when a page was last rendered.
            assert "If you are worried right now" in html, path
            assert "call your child's treatment centre on the 24-hour number" in html, path
            assert "Traceback" not in html and "OperationalError" not in html, path
    finally:
        database.up()

    # Back without a restart.
    assert visitor.get("/pages/low-risk/").status == 200
    assert editor.get("/admin/").status == 200


def test_an_edit_through_one_server_is_seen_through_another_sharing_redis(
    servers, database, static_root, redis_url
):
    # One key prefix for both, and one public address, as behind a load
    # balancer: without SITE_URL each server's pages are kept per host.
    env = base_env(
        database.url, static_root, REDIS_URL=redis_url, SITE_URL="https://neuroinfo.test"
    )
    first, second = servers(env), servers(env)
    path = "/pages/clinical-trials/"
    visitor = Browser(second.url)
    before = visitor.get(path, **ACCEPT)
    assert before.status == 200
    # One shared cache: the first server serves the entry the second one stored.
    assert Browser(first.url).get(path, **ACCEPT).headers["ETag"] == before.headers["ETag"]

    editor = Browser(first.url)
    editor.log_in()
    listing = editor.get("/admin/content/page/?q=clinical").text
    change_url = re.search(
        r'href="(/admin/content/page/\d+/change/)[^"]*">Clinical trials for', listing
    ).group(1)
    title = f"Clinical trials, edited through one server ({time.time():.0f})"
    saved = editor.submit(
        change_url, "page_form", title=title, _submit_for_sign_off="Save and submit for sign-off"
    )
    assert saved.status == 302, saved.text
    # The change waits for sign-off: the superuser signs it off, giving
    # the reason a superuser must when signing off their own change, and
    # naming the version the review screen showed.
    review_url = change_url.replace("/change/", "/review/")
    screen = editor.get(review_url).text
    csrf = re.search(r'name="csrfmiddlewaretoken" value="([^"]+)"', screen)
    signed = editor.request(
        review_url,
        data={
            "seen": re.search(r'name="seen" value="([^"]+)"', screen).group(1),
            "csrfmiddlewaretoken": csrf.group(1),
            "comment": "",
            "review_due": "",
            "override_reason": "A test of the shared page cache.",
            "sign_off": "Sign off and publish",
        },
    )
    assert signed.status == 302, signed.text
    edited_at = time.monotonic()

    assert title in unescape(Browser(first.url).get(path).text)  # at once where it was made
    # Through the other: each process reads the content version at most once a
    # second, so the new title soon shows there too. The bound is generous, not
    # a measure: on a busy shared machine one second of the server's can take several.
    while title not in unescape(visitor.get(path).text):
        assert time.monotonic() - edited_at < 30, "the other server still shows the old page"
        time.sleep(0.05)
    print(f"seen through the other server after {time.monotonic() - edited_at:.2f} s")


@pytest.mark.parametrize("trusted", [False, True])
def test_gunicorn_believes_x_forwarded_proto_only_with_trust_proxy_headers(
    servers, database, static_root, trusted
):
    env = base_env(database.url, static_root, HTTPS="1", TRUST_PROXY_HEADERS=str(int(trusted)))
    server = servers(env)
    response = Browser(server.url).get("/robots.txt", **{"X-Forwarded-Proto": "https"})
    if trusted:
        assert response.status == 200
    else:  # taken for plain HTTP, as it is: sent on to HTTPS
        assert response.status == 301
        assert response.headers["Location"] == server.url.replace("http:", "https:") + "/robots.txt"
