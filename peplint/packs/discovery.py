"""Finding packs: built-in ones, ones installed plugins ship, and paths; and the
project config file (peplint.toml, or [tool.peplint] in pyproject.toml) found
from the working directory upward."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any, NamedTuple

from peplint.errors import ConfigError

if TYPE_CHECKING:
    import pluggy

DEFAULT_PACK = "section-d"


def registered_packs(pm: pluggy.PluginManager | None = None) -> dict[str, Path]:
    """Every pack registered by a plugin (built-in packs included), by name."""
    from peplint.plugins.manager import default_manager  # not loaded by a quick resume

    pm = pm or default_manager()
    found: dict[str, Path] = {}

    def register(name: str, path: Any) -> None:
        if name in found:
            raise ConfigError(f"two plugins register the rule pack '{name}'")
        found[name] = Path(str(path))

    pm.hook.peplint_register_packs(register=register)
    return found


def locate(ref: str, registry: dict[str, Path], relative_to: Path | None = None) -> Path:
    """The file of a pack named by name or by path (relative to the file that names it)."""
    if ref in registry:
        return registry[ref]
    candidate = Path(ref)
    if relative_to is not None and not candidate.is_absolute():
        candidate = relative_to.parent / candidate
    if candidate.is_dir():
        candidate = candidate / "pack.yaml"
    if candidate.is_file():
        return candidate
    known = ", ".join(sorted(registry)) or "none"
    raise ConfigError(
        f"no rule pack '{ref}' (built-in and installed packs: {known}; or give a path to a .yaml file)"
    )


class ProjectConfig(NamedTuple):
    """What a project's config file says."""

    path: Path | None
    pack: str | None
    settings: dict[str, Any]


CONFIG_NAMES = ("peplint.toml", "pyproject.toml")


def find_config(start: Path | None = None) -> ProjectConfig:
    """The nearest peplint.toml, or pyproject.toml with a [tool.peplint] table, from `start`
    (a folder, or a file whose folder is used) upward; none found: the defaults."""
    folder = (start or Path.cwd()).resolve()
    if folder.is_file():
        folder = folder.parent
    for directory in (folder, *folder.parents):
        for name in CONFIG_NAMES:
            path = directory / name
            if not path.is_file():
                continue
            config = read_config(path)
            if config is not None:
                return config
    return ProjectConfig(None, None, {})  # no config file


def read_config(path: Path) -> ProjectConfig | None:
    """One config file (None: a pyproject.toml without a [tool.peplint] table)."""
    import tomllib  # only when there is a config file to read

    try:
        data = tomllib.loads(path.read_text(encoding="utf-8"))
    except OSError as exc:
        raise ConfigError(f"{path}: cannot be read ({exc.strerror})") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path}: not valid TOML ({exc})") from None
    table = data if path.name != "pyproject.toml" else data.get("tool", {}).get("peplint")
    if table is None:
        return None
    unknown = set(table) - {"pack", "settings"}
    if unknown:
        raise ConfigError(
            f"{path}: unknown key(s) {', '.join(sorted(unknown))}; allowed: pack, settings"
        )
    pack = table.get("pack")
    if pack is not None and not Path(pack).is_absolute() and (path.parent / pack).exists():
        pack = str(path.parent / pack)
    return ProjectConfig(path=path, pack=pack, settings=dict(table.get("settings", {})))


def config_for(
    inputs: list[Path], config_file: Path | None = None, isolated: bool = False
) -> ProjectConfig:
    """The config for a run over `inputs`: `--config FILE`, none with `--isolated`, else
    the nearest config above the inputs (like ruff), which must be the same for all."""
    if isolated:
        return ProjectConfig(None, None, {})  # no config file
    if config_file is not None:
        if not config_file.is_file():
            raise ConfigError(f"--config {config_file}: no such file")
        found = read_config(config_file)
        if found is None:
            raise ConfigError(f"--config {config_file}: it has no [tool.peplint] table")
        return found
    configs = {}
    for path in inputs or [Path.cwd()]:
        config = find_config(path.parent if not path.is_dir() else path)
        configs[config.path] = config
    if len(configs) > 1:
        names = ", ".join(str(p) if p else "none" for p in configs)
        raise ConfigError(
            f"these files come under different peplint config files ({names}); "
            "check them in separate runs, or choose one with --config"
        )
    return next(iter(configs.values()))
