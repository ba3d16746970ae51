"""An index that never loses a report: concurrent writers, kills, protected outputs, modes,
leftovers, linear work, links, odd environments and checked metadata (issue 11).

Concurrency and kill tests run real processes; each outcome they assert holds whatever the
timing (a kill at any moment must leave the index either as it was or with the report added).
"""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import stat
import subprocess
import sys
import time
from pathlib import Path

import pytest

from conftest import ROOT, SEED, altered_bundled_index, write

FIXTURES = ROOT / "tests" / "fixtures" / "qingshan"
ENV = {**os.environ, "PYTHONPATH": str(ROOT / "src")}


def reportcli(*args: str, **kwargs) -> subprocess.Popen:
    return subprocess.Popen([sys.executable, "-m", "reportcli", *args], stdout=subprocess.PIPE,
                            stderr=subprocess.PIPE, env={**ENV, **kwargs.pop("env", {})}, cwd=kwargs.pop("cwd", ROOT),
                            **kwargs)


def report_ids(index: Path) -> list[str]:
    connection = sqlite3.connect(f"{index.as_uri()}?mode=ro", uri=True)
    try:
        return sorted(row[0] for row in connection.execute("SELECT id FROM reports"))
    finally:
        connection.close()


def integrity(index: Path) -> str:
    connection = sqlite3.connect(index)
    try:
        return connection.execute("PRAGMA integrity_check").fetchone()[0]
    finally:
        connection.close()


@pytest.fixture
def base_index(cli, tmp_path) -> Path:
    index = tmp_path / "corpus.sqlite"
    code, _, err = cli("build", str(FIXTURES / "2021.txt"), "-o", str(index))
    assert code == 0, err
    return index


# ---------------------------------------------------------------- 1. concurrent writers

def test_two_concurrent_adds_both_land(base_index):
    """Both writers start while a third holds the lock: both wait, both add, nothing is lost."""
    holder = sqlite3.connect(base_index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    first = reportcli("--index", str(base_index), "add", str(FIXTURES / "2022.txt"))
    second = reportcli("--index", str(base_index), "add", str(FIXTURES / "2023.txt"))
    time.sleep(4)  # both have parsed their file and are waiting for the lock (or still parsing)
    holder.execute("ROLLBACK")
    holder.close()
    results = [process.communicate(timeout=120) for process in (first, second)]
    assert [first.returncode, second.returncode] == [0, 0], results
    assert report_ids(base_index) == ["2021", "2022", "2023"]
    assert integrity(base_index) == "ok"


def test_a_writer_that_cannot_get_the_lock_fails_loudly(base_index, cli):
    holder = sqlite3.connect(base_index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        code, out, err = cli("--index", str(base_index), "add", str(FIXTURES / "2022.txt"), "--wait", "0.2")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert code == 2 and out == ""
    assert "busy" in err and "waiting up to 0.2 s" in err and "still busy after 0.2 s" in err
    assert err.splitlines()[-1].startswith("reportcli: error:")
    assert report_ids(base_index) == ["2021"]


def test_readers_answer_while_a_writer_holds_the_lock(base_index, cli):
    holder = sqlite3.connect(base_index, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    holder.execute("DELETE FROM goals")  # uncommitted: readers must not see it
    try:
        code, out, _ = cli("--index", str(base_index), "goals", "--json")
        assert code == 0 and json.loads(out)
        code, out, _ = cli("--index", str(base_index), "search", "地区生产总值", "--json")
        assert code == 0 and json.loads(out)
    finally:
        holder.execute("ROLLBACK")
        holder.close()


# ---------------------------------------------------------------- 2. add in place, killed at any moment

def test_add_changes_the_index_in_place(base_index, cli):
    inode = base_index.stat().st_ino
    code, _, err = cli("--index", str(base_index), "add", str(FIXTURES / "2022.txt"))
    assert code == 0, err
    assert base_index.stat().st_ino == inode  # no copy renamed over it
    assert sorted(p.name for p in base_index.parent.iterdir()) == ["corpus.sqlite"]


@pytest.mark.parametrize("delay", [0.0, 0.01, 0.03, 0.08])
def test_kill_9_during_add_leaves_the_index_as_it_was_or_complete(base_index, tmp_path, cli, delay):
    """The kill lands while the write transaction is open (its journal exists) or right after."""
    big = tmp_path / "big" / "2022.txt"
    text = (FIXTURES / "2022.txt").read_text(encoding="utf-8")
    write(big, text + "\n" + "\n".join(f"第{n}段补充说明,全年新增绿化面积{n}万平方米。" for n in range(1, 3000)))
    before = report_ids(base_index)
    journal = base_index.with_name(base_index.name + "-journal")
    process = reportcli("--index", str(base_index), "add", str(big))
    deadline = time.monotonic() + 120
    while not journal.exists() and process.poll() is None and time.monotonic() < deadline:
        time.sleep(0.001)
    time.sleep(delay)
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    assert report_ids(base_index) in (before, sorted(before + ["2022"]))  # a reader recovers the journal
    assert integrity(base_index) == "ok"
    code, out, _ = cli("--index", str(base_index), "reports", "--json")
    assert code == 0 and len(json.loads(out)) in (1, 2)
    # and the index takes the next add as usual
    code, _, err = cli("--index", str(base_index), "add", str(FIXTURES / "2023.txt"))
    assert code == 0, err
    assert "2023" in report_ids(base_index)


def test_a_failed_add_changes_nothing(base_index, cli, monkeypatch):
    from reportcli.index import build as build_module

    before = dump(base_index)
    real = build_module._insert_report
    calls = []

    def fail_on_second(*args, **kwargs):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return real(*args, **kwargs)

    monkeypatch.setattr(build_module, "_insert_report", fail_on_second)
    code, _, err = cli("--index", str(base_index), "add", str(FIXTURES / "2022.txt"), str(FIXTURES / "2023.txt"))
    assert code == 130 and "interrupted" in err
    assert dump(base_index) == before
    assert sorted(p.name for p in base_index.parent.iterdir()) == ["corpus.sqlite"]


def dump(path: Path) -> list[str]:
    connection = sqlite3.connect(path)
    try:
        return list(connection.iterdump())
    finally:
        connection.close()


# ---------------------------------------------------------------- 3. outputs not ours to replace

def test_build_refuses_to_write_over_its_input(cli, tmp_path):
    source = write(tmp_path / "a.txt", SEED.read_text(encoding="utf-8"))
    before = source.read_bytes()
    code, out, err = cli("build", str(source), "-o", str(source))
    assert code == 2 and out == "" and err.count("\n") == 1 and "its own input" in err
    code, _, err = cli("build", str(tmp_path), "-o", str(source), "--force")
    assert code == 2 and "its own input" in err
    assert source.read_bytes() == before


def test_build_refuses_a_file_that_is_not_an_index_unless_forced(cli, tmp_path):
    notes = write(tmp_path / "notes.txt", "my notes")
    code, _, err = cli("build", str(SEED), "-o", str(notes))
    assert code == 2 and "not a reportcli index" in err and "--force" in err and err.count("\n") == 1
    assert notes.read_text() == "my notes"
    code, _, err = cli("build", str(SEED), "-o", str(notes), "--force")
    assert code == 0, err
    assert report_ids(notes) == ["hailar-2021"]


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="needs FIFOs")
def test_build_refuses_a_fifo_and_a_device(cli, tmp_path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    code, _, err = cli("build", str(SEED), "-o", str(fifo), "--force")
    assert code == 2 and "not a regular file" in err
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)
    code, _, err = cli("build", str(SEED), "-o", os.devnull, "--force")
    assert code == 2 and "not a regular file" in err
    assert stat.S_ISCHR(os.stat(os.devnull).st_mode)


def test_build_replaces_an_existing_index(cli, tmp_path):
    index = tmp_path / "i.sqlite"
    assert cli("build", str(SEED), "-o", str(index))[0] == 0
    code, _, err = cli("build", str(FIXTURES), "-o", str(index))
    assert code == 0, err
    assert report_ids(index) == ["2021", "2022", "2023"]


# ---------------------------------------------------------------- 4. permissions

def test_build_and_add_keep_the_mode_of_the_index(cli, tmp_path):
    index = tmp_path / "private.sqlite"
    assert cli("build", str(FIXTURES / "2021.txt"), "-o", str(index))[0] == 0
    os.chmod(index, 0o600)
    assert cli("build", str(FIXTURES / "2021.txt"), "-o", str(index))[0] == 0
    assert stat.S_IMODE(index.stat().st_mode) == 0o600
    assert cli("--index", str(index), "add", str(FIXTURES / "2022.txt"))[0] == 0
    assert stat.S_IMODE(index.stat().st_mode) == 0o600


def test_a_write_protected_index_is_refused(cli, tmp_path):
    index = tmp_path / "locked.sqlite"
    assert cli("build", str(FIXTURES / "2021.txt"), "-o", str(index))[0] == 0
    os.chmod(index, 0o444)
    before = index.read_bytes()
    code, _, err = cli("build", str(SEED), "-o", str(index))
    assert code == 2 and "write-protected" in err
    code, _, err = cli("--index", str(index), "add", str(FIXTURES / "2022.txt"))
    assert code == 2 and "write-protected" in err and err.count("\n") == 1
    assert index.read_bytes() == before and stat.S_IMODE(index.stat().st_mode) == 0o444


# ---------------------------------------------------------------- 5. leftovers

def test_term_during_a_build_leaves_no_temp_file(tmp_path):
    folder = tmp_path / "many"
    for n in range(120):
        write(folder / f"{n:03d}.txt", SEED.read_text(encoding="utf-8"))
    out = tmp_path / "out" / "index.sqlite"
    out.parent.mkdir()
    process = reportcli("build", str(folder), "-o", str(out))
    deadline = time.monotonic() + 60
    while not list(out.parent.iterdir()) and time.monotonic() < deadline:
        time.sleep(0.05)  # TERM once the build is writing its temporary file
    assert list(out.parent.iterdir()), "the build never started writing"
    process.send_signal(signal.SIGTERM)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 128 + signal.SIGTERM, err
    assert b"interrupted" in err and b"Traceback" not in err
    assert list(out.parent.iterdir()) == []


@pytest.mark.parametrize("signum", [signal.SIGTERM, signal.SIGINT])
def test_a_signal_that_lands_in_a_finalizer_still_stops_the_write(capfd, signum):
    """A signal whose handler runs inside a weakref callback or __del__ has its exception
    printed and dropped by Python (seen in CI: the build went on and exited 0 after TERM). The
    write must still stop at its next report, quietly; Ctrl-C as Ctrl-C (KeyboardInterrupt)."""
    import gc

    from reportcli.builder import _raise_if_interrupted, _stopped_by_signals
    from reportcli.errors import Interrupted

    class SignalsWhileCollected:
        def __del__(self):
            os.kill(os.getpid(), signum)
            time.sleep(0.05)  # the handler runs here, inside the finalizer

    with pytest.raises(KeyboardInterrupt if signum == signal.SIGINT else Interrupted) as stopped:
        with _stopped_by_signals():
            SignalsWhileCollected()
            gc.collect()
            _raise_if_interrupted()
            pytest.fail("the swallowed signal did not stop the write")
    assert signum == signal.SIGINT or stopped.value.signum == signum
    assert "Exception ignored" not in capfd.readouterr().err
    _raise_if_interrupted()  # forgotten once the write is over
    assert signal.getsignal(signal.SIGINT) is signal.default_int_handler  # handlers given back


@pytest.mark.skipif(not hasattr(signal, "pthread_sigmask"), reason="needs POSIX signal masks")
def test_a_term_while_the_pool_is_made_stops_the_pool_too(tmp_path, monkeypatch):
    """TERM landing while the worker pool is being created (seen in CI: the half-made pool's
    thread went on forking as the process exited, printing a traceback) waits until the pool
    exists, then stops the build and the pool with it."""
    import multiprocessing
    import threading

    from reportcli import builder
    from reportcli.errors import Interrupted
    from reportcli.index.sources import discover

    folder = tmp_path / "many"
    for n in range(builder.PARALLEL_FROM):
        write(folder / f"{n:02d}.txt", "\n".join(SEED.read_text(encoding="utf-8").split("\n")[:30]))
    made, pools = multiprocessing.Pool, []  # held here, so that no garbage collection cleans up for the build

    def pool_then_term(*args, **kwargs):
        pool = made(*args, **kwargs)
        pools.append(pool)
        os.kill(os.getpid(), signal.SIGTERM)  # as if it came just before Pool() returned
        time.sleep(0.05)
        return pool

    monkeypatch.setattr(multiprocessing, "Pool", pool_then_term)
    with pytest.raises(Interrupted):
        with builder._stopped_by_signals():
            for _ in builder._load_all(discover([folder]).sources, 2):
                pass
    deadline = time.monotonic() + 10
    while (multiprocessing.active_children() or any("_handle_workers" in t.name for t in threading.enumerate())) \
            and time.monotonic() < deadline:
        time.sleep(0.05)
    assert len(pools) == 1 and multiprocessing.active_children() == []
    assert not any("_handle_workers" in thread.name for thread in threading.enumerate())


def _children(pid: int) -> set[int]:
    found = set()
    for task in Path(f"/proc/{pid}/task").glob("*"):
        children = task / "children"
        if children.exists():
            found.update(int(child) for child in children.read_text().split())
    return found


def _alive(pid: int) -> bool:
    try:
        state = Path(f"/proc/{pid}/stat").read_text().split(") ")[1][0]
    except (FileNotFoundError, IndexError):
        return False
    return state != "Z"


@pytest.mark.skipif(not Path("/proc/self/task").exists() or (os.cpu_count() or 1) < 2,
                    reason="needs Linux /proc and two cores")
def test_workers_die_with_a_killed_build(tmp_path):
    folder = tmp_path / "many"
    for n in range(40):
        write(folder / f"{n:02d}.txt", SEED.read_text(encoding="utf-8"))
    process = reportcli("build", str(folder), "-o", str(tmp_path / "index.sqlite"))
    deadline = time.monotonic() + 60
    workers: set[int] = set()
    while len(workers) < 2 and time.monotonic() < deadline:
        workers = _children(process.pid)
        time.sleep(0.05)
    assert len(workers) >= 2, "the build started no worker processes"
    process.send_signal(signal.SIGKILL)
    process.communicate(timeout=30)
    deadline = time.monotonic() + 10
    while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
        time.sleep(0.1)
    assert not any(_alive(pid) for pid in workers)


def _with_file_size_limit(limit: int):
    """For a child process: files may not grow past `limit` bytes (EFBIG, as a full disk would
    stop them), and the signal that would kill it for trying is ignored."""
    import resource

    def apply() -> None:
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (limit, limit))
    return apply


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file-size limits")
@pytest.mark.parametrize("existing", [True, False])
def test_a_build_that_runs_out_of_room_is_one_clear_line(tmp_path, existing):
    folder = tmp_path / "many"
    _small_reports(folder, 300)
    out = tmp_path / "out" / "index.sqlite"
    out.parent.mkdir()
    if existing:
        out.write_bytes(Path(ROOT / "src" / "reportcli" / "data" / "bundled.sqlite").read_bytes())
    before = out.read_bytes() if existing else None
    process = reportcli("build", str(folder), "-o", str(out), preexec_fn=_with_file_size_limit(600_000))
    _, err = process.communicate(timeout=120)
    message = err.decode()
    assert process.returncode == 2 and message.count("\n") == 1 and "Traceback" not in message, message
    assert f"cannot write the index {out}" in message and "full" in message
    assert ("index.sqlite there is as it was" if existing else "nothing was written") in message
    assert (_digest(out.read_bytes()) if existing else None) == (_digest(before) if existing else None)
    assert [path.name for path in out.parent.iterdir()] == (["index.sqlite"] if existing else [])


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file-size limits")
def test_an_add_that_runs_out_of_room_changes_nothing(tmp_path, cli):
    from reportcli.builder import HELD_WHILE_ADDING

    folder = tmp_path / "many"
    _small_reports(folder, HELD_WHILE_ADDING)  # parsed reports all held in memory: the index is what fills up
    index = tmp_path / "index.sqlite"
    assert cli("build", str(ROOT / "seeds"), "-o", str(index))[0] == 0
    before = index.read_bytes()
    process = reportcli("--index", str(index), "add", str(folder),
                        preexec_fn=_with_file_size_limit(len(before) + 20_000))
    _, err = process.communicate(timeout=120)
    message = err.decode()
    assert process.returncode == 2 and message.count("\n") == 1, message
    assert "nothing was added: the index is as it was" in message and "full" in message
    assert _digest(index.read_bytes()) == _digest(before) and report_ids(index) == ["hailar-2021"]


@pytest.mark.skipif(not hasattr(signal, "SIGXFSZ"), reason="needs POSIX file-size limits")
def test_an_add_whose_parsed_reports_find_no_room_changes_nothing(tmp_path, cli):
    """Past HELD_WHILE_ADDING, parsed reports wait in a temporary file until the index is locked:
    no room for it is one clear line, before anything is written."""
    folder = tmp_path / "many"
    _small_reports(folder, 300)
    index = tmp_path / "index.sqlite"
    assert cli("build", str(ROOT / "seeds"), "-o", str(index))[0] == 0
    before = index.read_bytes()
    process = reportcli("--index", str(index), "add", str(folder),
                        preexec_fn=_with_file_size_limit(len(before) + 50_000), env={"TMPDIR": str(tmp_path)})
    _, err = process.communicate(timeout=120)
    message = err.decode()
    assert process.returncode == 2 and message.count("\n") == 1, message
    assert f"cannot keep the parsed reports in a temporary file in {tmp_path}: File too large; make room " \
           "there, set TMPDIR, or add fewer files at a time" in message
    assert _digest(index.read_bytes()) == _digest(before) and report_ids(index) == ["hailar-2021"]
    assert sorted(path.name for path in tmp_path.iterdir()) == ["index.sqlite", "many"]  # nothing left behind


def test_sqlite_saying_the_disk_is_full_is_named_so():
    from reportcli.errors import IndexFileError
    from reportcli.index.build import _write_errors_explained

    connection = sqlite3.connect(":memory:")
    connection.execute("CREATE TABLE t (x)")
    connection.execute("PRAGMA max_page_count = 2")
    with pytest.raises(IndexFileError) as refused:
        with _write_errors_explained(Path("x.sqlite"), "nothing was written"):
            connection.execute("INSERT INTO t VALUES (?)", (b"x" * 100_000,))
    assert str(refused.value) == "cannot write the index x.sqlite: the disk is full; nothing was written"


def _digest(data: bytes) -> str:
    """What a test compares of two index files (an assertion on the bytes themselves would make
    pytest diff megabytes)."""
    import hashlib

    return hashlib.sha256(data).hexdigest()


def _small_reports(folder: Path, count: int) -> None:
    """`count` short distinct reports: a title, a review and a plan with figures and targets."""
    import random

    rng = random.Random(count)
    for n in range(count):
        year = 2000 + n % 26
        growth, jobs, income = rng.randint(40, 95) / 10, rng.randint(2, 90), rng.randint(30, 99) / 10
        write(folder / f"r{n:04d}.txt", "\n".join([
            f"第{n}县{year}年政府工作报告", "各位代表：", f"一、{year - 1}年工作回顾",
            f"全年地区生产总值增长{growth}%，城镇新增就业{jobs}千人，居民人均可支配收入增长{income}%。",
            f"第{n}号项目建成投产，新增就业岗位{jobs * 3}个，垃圾分类覆盖率达到{rng.randint(50, 99)}%。",
            f"二、{year}年工作安排",
            f"今年发展的主要预期目标是：地区生产总值增长{growth}%左右；城镇调查失业率控制在5.5%以内。",
            f"实施第{n}项民生工程，完成投资{rng.randint(1, 900)}亿元。"]) + "\n")


@pytest.mark.skipif(not Path("/proc/self/task").exists(), reason="needs Linux /proc")
def test_kill_or_term_at_random_moments_of_a_2000_report_build(tmp_path, cli):
    """KILL or TERM anywhere in a 2,000-report build (discovery, parsing in workers, writing,
    the final optimize and VACUUM): the existing index stays byte for byte, no worker outlives
    the build, TERM leaves no temporary file, and the next build clears what KILL left (a
    killed process cannot remove its own file). A build that beat the signal wrote the same
    index as an uninterrupted one, byte for byte."""
    import random

    folder = tmp_path / "many"
    _small_reports(folder, 2000)
    out = tmp_path / "out" / "index.sqlite"
    assert cli("build", str(ROOT / "seeds"), "-o", str(out))[0] == 0
    before = out.read_bytes()
    started = time.monotonic()
    process = reportcli("build", str(folder), "-o", str(tmp_path / "complete.sqlite"))
    _, err = process.communicate(timeout=300)
    duration = time.monotonic() - started
    assert process.returncode == 0 and b"indexed 2000 reports" in err, err
    complete = _digest((tmp_path / "complete.sqlite").read_bytes())
    rng = random.Random(2000)
    for trial in range(4):
        sig = (signal.SIGKILL, signal.SIGTERM)[trial % 2]
        process = reportcli("build", str(folder), "-o", str(out))
        moment = time.monotonic() + rng.uniform(0.05, duration * 0.95)
        workers: set[int] = set()
        while time.monotonic() < moment and process.poll() is None:
            workers |= _children(process.pid)
            time.sleep(0.02)
        process.send_signal(sig)
        _, err = process.communicate(timeout=60)
        now = _digest(out.read_bytes())
        # as it was, or (the signal came after the rename, as the process was ending) the whole new index
        assert now in (_digest(before), complete), (trial, sig, process.returncode, err)
        if now == complete:
            out.write_bytes(before)
        if process.returncode == 0:
            continue  # it finished before the signal
        assert process.returncode in (-sig, 128 + sig), (trial, sig, err)
        assert b"Traceback" not in err and b"Exception ignored" not in err, err
        deadline = time.monotonic() + 10
        while any(_alive(pid) for pid in workers) and time.monotonic() < deadline:
            time.sleep(0.1)
        assert not any(_alive(pid) for pid in workers), (trial, sig)
        leftovers = sorted(path.name for path in out.parent.iterdir() if path != out)
        if sig == signal.SIGTERM:
            assert leftovers == [], (trial, leftovers)
        else:
            assert all(name.endswith(".tmp") for name in leftovers), leftovers
    # the next build into the folder removes what the killed ones left
    assert cli("build", str(ROOT / "seeds"), "-o", str(out))[0] == 0
    assert [path.name for path in out.parent.iterdir()] == ["index.sqlite"]


def test_one_usable_core_builds_without_a_pool(tmp_path, monkeypatch):
    """Workers are counted from the cores this process may use (taskset, a cpuset), not from
    the machine's: on one usable core a big build parses in-process."""
    import multiprocessing

    from reportcli import builder
    from reportcli.index.sources import discover

    folder = tmp_path / "many"
    for n in range(builder.PARALLEL_FROM):
        write(folder / f"{n:02d}.txt", SEED.read_text(encoding="utf-8"))
    monkeypatch.setattr(os, "sched_getaffinity", lambda pid: {0}, raising=False)
    monkeypatch.setattr(multiprocessing, "Pool", lambda *args, **kwargs: pytest.fail("a pool on one core"))
    loaded = [result for _, result in builder._load_all(discover([folder]).sources, builder._workers(None))]
    assert len(loaded) == builder.PARALLEL_FROM and all(result.report.paragraphs for result in loaded)


# ---------------------------------------------------------------- 6. linear work

def test_figure_extraction_tags_a_bounded_window_per_figure():
    """A 20,000-character paragraph with no punctuation: each figure's part-of-speech lookup
    reads a window around it, never the rest of the paragraph (which made builds quadratic)."""
    from reportcli.parse.figures import NOUN_WINDOW, extract_figures

    text = "".join(f"新建项目{n}个推进产业园区建设" for n in range(1, 1500))
    tagged: list[int] = []

    def counting_tagger(span: str) -> list[tuple[str, str]]:
        tagged.append(len(span))
        return [(span[:2], "n")] if span else []

    figures = extract_figures(text, 1, tagger=counting_tagger)
    assert len(figures) == 1499
    assert max(tagged) <= NOUN_WINDOW and sum(tagged) <= NOUN_WINDOW * len(figures)
    assert all(len(figure.context) <= 400 for figure in figures)


# ---------------------------------------------------------------- 7. links inside folders

@pytest.mark.skipif(not hasattr(os, "symlink"), reason="needs symlinks")
def test_links_inside_a_folder_are_not_followed(cli, tmp_path):
    outside = write(tmp_path / "outside" / "secret.txt", "一、回顾\n这是不该被收录的私密文字。")
    folder = tmp_path / "reports"
    write(folder / "2021.txt", (FIXTURES / "2021.txt").read_text(encoding="utf-8"))
    (folder / "secret.txt").symlink_to(outside)
    (folder / "linked-folder").symlink_to(outside.parent, target_is_directory=True)
    index = tmp_path / "i.sqlite"
    code, _, err = cli("build", str(folder), "-o", str(index))
    assert code == 0, err
    assert report_ids(index) == ["2021"]
    # a link named on the command line is the user's choice: it is read
    code, _, err = cli("build", str(folder / "secret.txt"), "-o", str(index))
    assert code == 0, err
    assert report_ids(index) == ["secret"]


# ---------------------------------------------------------------- 8. odd environments

def test_closed_stdout_is_one_line_not_a_traceback():
    process = subprocess.run([sys.executable, "-m", "reportcli", "reports", "--json"], capture_output=False,
                             stderr=subprocess.PIPE, stdout=None, env=ENV, cwd=ROOT,
                             preexec_fn=lambda: os.close(1))
    assert process.returncode == 2
    assert process.stderr.decode().strip() == "reportcli: error: standard output is closed"


@pytest.mark.parametrize("environment", [{"PYTHONIOENCODING": "gb18030"}, {"PYTHONIOENCODING": "latin-1"},
                                         {"LC_ALL": "C", "LANG": "C", "PYTHONUTF8": "0"}])
def test_json_is_utf8_whatever_the_locale(environment):
    process = subprocess.run([sys.executable, "-m", "reportcli", "search", "垃圾分类", "--json"],
                             capture_output=True, env={**ENV, **environment}, cwd=ROOT)
    assert process.returncode == 0, process.stderr
    hits = json.loads(process.stdout.decode("utf-8"))
    assert "垃圾分类" in hits[0]["text"]


def test_no_home_and_no_passwd_entry_means_no_config(cli, monkeypatch):
    monkeypatch.delenv("XDG_CONFIG_HOME", raising=False)
    monkeypatch.delenv("HOME", raising=False)

    def no_home(cls=None):
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", classmethod(no_home))
    code, out, err = cli("reports", "--json")
    assert code == 0 and json.loads(out)[0]["id"] == "hailar-2021" and err == ""


def test_a_damaged_index_is_a_sentence_not_an_exception_name(cli, tmp_path):
    damaged = altered_bundled_index(tmp_path / "damaged.sqlite", "DROP TABLE figures")
    code, out, err = cli("--index", str(damaged), "metrics", "--json")
    assert code == 2 and err.count("\n") == 1
    assert "OperationalError" not in err and "could not be read" in err and "no such table" in err


def test_an_unreadable_input_is_a_sentence(cli, tmp_path):
    folder = tmp_path / "folder.txt"
    folder.mkdir()
    code, _, err = cli("--index", str(folder), "reports")
    assert code == 2 and "not a regular file" in err and "Error" not in err


def test_a_newer_index_asks_to_upgrade_reportcli(cli, tmp_path):
    newer = altered_bundled_index(tmp_path / "newer.sqlite", "UPDATE meta SET value = '999' WHERE key = 'schema_version'")
    code, _, err = cli("--index", str(newer), "reports")
    assert code == 2 and "newer reportcli" in err and "upgrade reportcli" in err and "rebuild" not in err


# ---------------------------------------------------------------- 9. reports.toml checked

@pytest.mark.parametrize("line, field", [('year = "abc"', "year"), ("year = 20211", "year"),
                                         ('level = "galaxy"', "level"), ('region = ["a", "b"]', "region"),
                                         ('date = "March 2021"', "date"), ("source = 3", "source"),
                                         ('yaer = 2021', "yaer")])
def test_reports_toml_values_are_checked(cli, tmp_path, line, field):
    folder = tmp_path / "reports"
    write(folder / "2021.txt", (FIXTURES / "2021.txt").read_text(encoding="utf-8"))
    toml = write(folder / "reports.toml", f'[[report]]\nfile = "2021.txt"\n{line}\n')
    code, out, err = cli("build", str(folder), "-o", str(tmp_path / "i.sqlite"))
    assert code == 2 and out == "" and err.count("\n") == 1
    assert f"`{field}`" in err and str(toml) in err and "Traceback" not in err
    assert not (tmp_path / "i.sqlite").exists()
