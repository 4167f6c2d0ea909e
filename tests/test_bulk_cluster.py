"""Bulk on a Dask cluster (a LocalCluster of worker processes here) gives the same outputs
as a local run; a scheduler reached without TLS over a network is refused."""

from __future__ import annotations

import socket
from collections.abc import Iterator
from pathlib import Path

import pytest
from click.testing import CliRunner

from peplint import errors
from peplint.bulk.cluster import ClusterOptions, check_scheduler_address
from peplint.cli import main
from tests.test_bulk import _outputs, _run, _term_folder

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


@pytest.fixture
def loopback_allowed() -> Iterator[None]:
    """The suite blocks network sockets; a local cluster talks over loopback only."""
    guarded = socket.socket.connect

    def connect(self: socket.socket, address: object) -> object:
        host = address[0] if isinstance(address, tuple) else ""
        if self.family in (socket.AF_INET, socket.AF_INET6) and host not in (
            "127.0.0.1",
            "::1",
            "localhost",
        ):
            raise OSError("network access attempted in a test")
        return real(self, address)  # type: ignore[arg-type]

    real = guarded.__closure__[0].cell_contents if guarded.__closure__ else guarded  # type: ignore[union-attr]
    socket.socket.connect = connect  # type: ignore[method-assign,assignment]
    yield
    socket.socket.connect = guarded  # type: ignore[method-assign]


def test_bulk_on_a_local_cluster_matches_a_local_run(
    tmp_path: Path, loopback_allowed: None
) -> None:
    term = _term_folder(tmp_path / "term")
    local_out = tmp_path / "local"
    _run(term, local_out, jobs=1)
    import dask

    with (
        dask.config.set({"distributed.worker.daemon": False}),  # workers fork a child per PEP
        distributed.LocalCluster(
            n_workers=2,
            threads_per_worker=1,
            processes=True,
            dashboard_address=None,
            host="127.0.0.1",
        ) as cluster,
    ):
        cluster_out = tmp_path / "cluster"
        result = _run(term, cluster_out, cluster=ClusterOptions(cluster.scheduler_address))
    assert result.processed == len(result.rows)
    assert _outputs(cluster_out) == _outputs(local_out)
