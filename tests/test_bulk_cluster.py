"""Bulk on a Dask cluster (a LocalCluster of worker processes here) gives the same outputs
as a local run; a scheduler reached without TLS over a network is refused."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint import errors
from peplint.bulk.cluster import check_scheduler_address
from peplint.cli import main
from tests.test_bulk import _term_folder

distributed = pytest.importorskip("distributed")


@pytest.mark.parametrize(
    "address",
    [
        "tls://pep-cluster.example.org:8786",
        "tcp://127.0.0.1:8786",
        "tcp://[::1]:8786",
        "localhost:8786",
    ],
)
def test_tls_or_loopback_schedulers_are_accepted(address: str) -> None:
    check_scheduler_address(address)


@pytest.mark.parametrize(
    "address",
    [
        "tcp://10.0.0.5:8786",
        "tcp://pep-cluster.example.org:8786",
        "ws://192.168.1.2:8786",
        "udp://127.0.0.1:1",
    ],
)
def test_unencrypted_network_schedulers_are_refused(address: str) -> None:
    with pytest.raises(errors.ConfigError):
        check_scheduler_address(address)


def test_the_cli_refuses_a_plain_tcp_scheduler_before_any_work(tmp_path: Path) -> None:
    term = _term_folder(tmp_path / "term")
    result = CliRunner().invoke(
        main,
        [
            "bulk",
            str(term),
            "-o",
            str(tmp_path / "out"),
            "--executor",
            "dask",
            "--scheduler",
            "tcp://10.1.2.3:8786",
        ],
    )
    assert result.exit_code == 2
    assert "only over TLS" in result.output
    assert not (tmp_path / "out").exists()


CLUSTER_RUN = """
import shutil
import sys
from pathlib import Path
import dask, distributed
from peplint.bulk.cluster import ClusterOptions
from tests.test_bulk import _outputs, _run, _term_folder
from peplint.bulk.pep_reports import PepOutputs
root = Path(sys.argv[1])
term = _term_folder(root / "term")
key = root / "redaction.key"  # outside every output folder
_run(term, root / "local", jobs=1)
_run(term, root / "local-redacted", jobs=1, redact=True, key_file=key)
rendered_here = []
real_render = PepOutputs.render
def render(self, entry):  # only this process's calls: the cluster's workers import their own
    rendered_here.append(entry.path)
    return real_render(self, entry)
PepOutputs.render = render
with (
    dask.config.set({"distributed.worker.daemon": False}),  # workers fork a child per PEP
    distributed.LocalCluster(
        n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None, host="127.0.0.1"
    ) as cluster,
):
    options = ClusterOptions(cluster.scheduler_address)
    result = _run(term, root / "cluster", cluster=options)
    plain_rendered_here = len(rendered_here)
    redacted = _run(term, root / "cluster-redacted", cluster=options, redact=True, key_file=key)
    stopped = _run(term, root / "cluster-stopped", cluster=options, max_failures=1)
    assert stopped.stopped_early, "the run with --max-failures 1 should stop at the first error"
    def warmed():  # on each worker: its process was warmed up once, for its forked children;
        # one isolated child kept a run (not one forked a PEP), and none left once it ended,
        # even the run stopped early
        import peplint.bulk.cluster as on_worker
        made, still_open = len(on_worker._checkers_made), len(on_worker._open_checkers)
        return on_worker._warmed == [True], made, still_open
    with distributed.Client(cluster.scheduler_address) as client:
        states = list(client.run(warmed).values())
    # A failure reused from the cache does not count toward --max-failures: a resumed
    # run carries on with the new file, as a local one does (tests/test_bulk_briefs.py).
    new_file = term / "Oakfield" / "walsall-good-again.pdf"
    new_file.write_bytes((term / "Oakfield" / "walsall-good.pdf").read_bytes())
    shutil.copytree(root / "cluster", root / "cluster-resumed")
    resumed = _run(term, root / "cluster-resumed", cluster=options, resume=True, max_failures=1)
    new_file.unlink()
    print("RESUMED STOPPED", resumed.stopped_early, resumed.processed)
    kept = 0 < sum(made for _, made, _ in states) and all(made <= 3 for _, made, _ in states)
    print("WARMED", all(w for w, _, _ in states), kept, sum(left for _, _, left in states))
assert result.processed == len(result.rows), "not every PEP was checked on the cluster"
# The cluster's workers render each PEP's reports (in parallel), this process none; a
# redacted run's are rendered here, after redacting: the key never leaves this machine.
print("RENDERED HERE", plain_rendered_here, len(rendered_here) - plain_rendered_here == len(redacted.rows))
same = _outputs(root / "cluster") == _outputs(root / "local")
same_redacted = _outputs(root / "cluster-redacted") == _outputs(root / "local-redacted")
print("SAME" if same and same_redacted else "DIFFERENT")
"""


def test_bulk_on_a_local_cluster_matches_a_local_run(tmp_path: Path) -> None:
    # In its own interpreter: a cluster leaves helper processes (the resource tracker)
    # that other tests, which check no worker is left running, would count.
    done = subprocess.run(
        [sys.executable, "-c", CLUSTER_RUN, str(tmp_path)],
        capture_output=True,
        text=True,
        cwd=Path(__file__).resolve().parent.parent,
        timeout=600,
    )
    assert done.returncode == 0, done.stderr[-2000:]
    assert done.stdout.strip().splitlines()[-4:] == [
        "RESUMED STOPPED False 1",
        "WARMED True True 0",
        "RENDERED HERE 0 True",
        "SAME",
    ]
