"""No network access at run time (issue 11): with sockets blocked, compare still runs
with the real encoder and writes its report."""

import socket

import pytest
from conftest import CARNEGIE, RFI

import comparekit


class _NoNetwork(RuntimeError):
    pass


@pytest.fixture
def no_sockets(monkeypatch):
    def refuse(*args, **kwargs):
        raise _NoNetwork("network access attempted")

    monkeypatch.setattr(socket.socket, "connect", refuse)
    monkeypatch.setattr(socket.socket, "connect_ex", refuse)
    monkeypatch.setattr(socket, "create_connection", refuse)
    monkeypatch.setattr(socket, "getaddrinfo", refuse)
    return refuse


def test_compare_runs_with_sockets_blocked(no_sockets, tmp_path):
    with pytest.raises(_NoNetwork):  # the block is real
        socket.create_connection(("127.0.0.1", 9))
    result = comparekit.compare([CARNEGIE, RFI])
    paths = comparekit.write_report(result, tmp_path)
    assert paths["report.json"].stat().st_size > 0
    assert result.alignments and result.alignments[0].pairs
