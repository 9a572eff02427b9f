"""The case editor: every field of a case file in a form, checked by the loader's own rules.

It opens for a new case, for one of the user's cases (saved back to its own file), for a bundled
case (saved as a copy in the user's cases folder; the bundled file is never touched) or for an
imported :class:`~uaction_desktop.importer.Draft` (uncertain fields highlighted, and the text the
importer could not place shown apart, so nothing is lost). The form is turned into the case
file's tables and read back with :func:`~uaction_desktop.casefile.parse_case_text`, so the
editor can never save a file that ``uaction check`` would refuse. All text is shown as typed,
never as HTML. Callers get the saved path from :meth:`CaseEditor.get_data`.
"""

from __future__ import annotations

import os
import re
from collections.abc import Callable, Iterable
from datetime import date
from pathlib import Path
from typing import Any

import tomli_w
from PySide6 import QtGui
from PySide6.QtCore import QSize, Qt, QTimer
from PySide6.QtGui import QKeySequence, QShortcut
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QListWidgetItem,
    QMessageBox,
    QPlainTextEdit,
    QPushButton,
    QScrollArea,
    QSpinBox,
    QSplitter,
    QStackedWidget,
    QStyle,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.atomic import write_text_atomic
from uaction_desktop.case_drafts import (
    NEW_CASE,
    CaseFormStore,
    SavedForm,
    target_for_copy,
    target_for_file,
    target_for_import,
)
from uaction_desktop.casefile import (
    CASE_KEYS,
    FORMAT_2_OFFICIAL_KEYS,
    FORMAT_VERSION,
    OFFICIAL_KEYS,
    Problem,
    dump_case,
    load_case_file,
    parse_case_text,
)
from uaction_desktop.gui.import_review import fill_review_list
from uaction_desktop.gui.plain_text import plain, rich_escaped, shown, typed_text
from uaction_desktop.gui.restore_bar import RestoreBar
from uaction_desktop.gui.screen_fit import fit_to_screen
from uaction_desktop.i18n import N_, _, language_display_name, ngettext
from uaction_desktop.importer import Confidence, Draft, Field, Leftover
from uaction_desktop.importer.dates import parse_date
from uaction_desktop.importer.names import official_id
from uaction_desktop.model import (
    Case,
    CaseKind,
    CaseText,
    Official,
    Person,
    Role,
    normalize_ua,
)
from uaction_desktop.paths import CASE_DRAFTS_FOLDER

VALIDATE_DELAY_MS = 250
FILE_HEADER = "# Saved by the uaction-desktop case editor. Format: docs/case-format.md\n"
REVIEW_PROPERTY = "review"
PROBLEM_PROPERTY = "problem"
STYLE = """
QLineEdit[review="true"], QPlainTextEdit[review="true"], QComboBox[review="true"],
QSpinBox[review="true"] { background-color: #fff1a8; color: #1a1a1a; }
QLineEdit[problem="true"], QPlainTextEdit[problem="true"], QComboBox[problem="true"],
QSpinBox[problem="true"] { background-color: #ffe1e1; color: #1a1a1a; border: 2px solid #c62828; }
QLabel[role="fieldProblem"] { color: #b71c1c; }
QLabel#editorBanner { padding: 6px; border: 1px solid palette(mid); border-radius: 3px; }
QFrame#restoreBar { background-color: #fff1cc; border: 1px solid #b38600; border-radius: 3px; }
QFrame#restoreBar QLabel { color: #1a1a1a; }
"""
KIND_CHOICES = (
    (N_("Initial appeal"), CaseKind.INITIAL.value),
    (N_("Follow-up (an update of the UA)"), CaseKind.FOLLOW_UP.value),
    (N_("Closure notice (no further action)"), CaseKind.CLOSURE.value),
)
ROLE_CHOICES = (
    (N_("Target: letters are addressed to this official"), Role.TARGET.value),
    (N_("Copy: a copy of the letter is sent here"), Role.COPY.value),
)
GENDER_CHOICES = (
    (N_("not stated"), ""),
    (N_("female (f)"), "f"),
    (N_("male (m)"), "m"),
    ("x", "x"),
)
# The loader's messages (in the interface language) as the form says them.
_FRIENDLY = {
    N_("is required: at least one [[officials]] to write to"): N_(
        "add at least one official to write to"
    ),
    N_('needs at least one official with role = "target"'): N_(
        "at least one official must be a target: someone the letters are addressed to"
    ),
    N_("is required: the appeal points writers make"): N_(
        "is required: the appeal points, one per line"
    ),
    N_("is empty: give at least a title, summary, asks or model_letter"): N_(
        "is empty: type at least its title, summary, appeal points or model letter, or remove it"
    ),
}
_GROUP_PATH_RE = re.compile(r"^(people|officials)\[(\d+)\](?:\.(\w+))?")


# --------------------------------------------------------------------------- plain helpers


def friendly(message: str) -> str:
    """The loader's message without case-file syntax: the user of the form never sees TOML."""
    not_a_date = _("must be {expected}, not {value}").format(
        expected=_("a date such as 2018-06-08 (no quotes)"), value="\0"
    )
    if message.startswith(not_a_date.partition("\0")[0]):
        return _("is not a date: write it as 2018-06-08 or 8 June 2018")
    for loader, form in _FRIENDLY.items():
        if message == _(loader):
            return _(form)
    return message


def case_file_name(case: Case) -> str:
    """The file name for a case document: ``ua-63-18.toml``, ``ua-60-16-update-3.toml``,
    ``ua-60-16-closure.toml`` (a validated UA number holds only digits and one slash)."""
    base = "ua-" + case.ua.replace("/", "-")
    if case.kind is CaseKind.FOLLOW_UP:
        base += f"-update-{case.update}"
    elif case.kind is CaseKind.CLOSURE:
        base += "-closure"
    return base + ".toml"


def free_path(folder: Path, name: str) -> Path:
    """``folder/name``, or ``name-2``, ``name-3``... when a file of that name exists."""
    candidate = folder / name
    stem, suffix = candidate.stem, candidate.suffix
    number = 2
    while candidate.exists():
        candidate = folder / f"{stem}-{number}{suffix}"
        number += 1
    return candidate


def _same_file(a: Path, b: Path) -> bool:
    return os.path.normcase(a.resolve()) == os.path.normcase(b.resolve())


def _split_lines(text: str) -> list[str]:
    return [line.strip() for line in text.splitlines() if line.strip()]


def _split_commas(text: str) -> list[str]:
    return [part.strip() for part in re.split(r"[,;\n]", text) if part.strip()]


def _split_words(text: str) -> list[str]:
    return [part for part in re.split(r"[\s,;]+", text) if part]


# --------------------------------------------------------------------------- one field


class ProblemSlot:
    """A place that shows problems: a red line of text (and, for a field, a red input)."""

    def __init__(self, label: str, tab: QWidget, parent: QWidget) -> None:
        self.label = label
        self.tab = tab
        self.error = QLabel(parent)
        self.error.setTextFormat(Qt.TextFormat.PlainText)
        self.error.setWordWrap(True)
        self.error.setProperty("role", "fieldProblem")
        self.error.hide()
        self.problems: list[str] = []

    def set_problems(self, messages: list[str]) -> None:
        self.problems = messages
        self.error.setText("\n".join(messages))
        self.error.setVisible(bool(messages))

    def focus_widget(self) -> QWidget:
        return self.error


class FormField(ProblemSlot):
    """One input with its problem line under it; reads and shows one value of the case file."""

    def __init__(
        self, widget: QWidget, label: str, tab: QWidget, hint: str = "", *, name: str = ""
    ) -> None:
        self.box = QWidget()
        super().__init__(label, tab, self.box)
        self.widget = widget
        self.hint = hint
        self.review_text = ""
        self.note_text = ""
        self.on_edit: Callable[[FormField], None] | None = None
        widget.setParent(self.box)
        if name:
            widget.setObjectName(name)
            self.error.setObjectName(name + "Problem")
        widget.setAccessibleName(label.replace("&", "").rstrip(":"))
        if isinstance(widget, QPlainTextEdit):
            widget.setTabChangesFocus(True)
        layout = QVBoxLayout(self.box)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(widget)
        layout.addWidget(self.error)
        self._connect()
        self._refresh()

    # -- value (subclasses)

    def value(self) -> Any:
        raise NotImplementedError

    def _show(self, value: Any) -> None:
        raise NotImplementedError

    def _connect(self) -> None:
        raise NotImplementedError

    def set_value(self, value: Any) -> None:
        """Show a value without counting it as the user's edit."""
        self.widget.blockSignals(True)
        try:
            self._show(value)
        finally:
            self.widget.blockSignals(False)

    def _changed(self, *args: object) -> None:
        if self.review_text:
            self.review_text = ""  # the user has looked at it and changed it
            self._refresh()
        if self.on_edit is not None:
            self.on_edit(self)

    # -- marks

    def set_problems(self, messages: list[str]) -> None:
        if messages == self.problems:
            return
        super().set_problems(messages)
        self._refresh()

    def set_review(self, item: Field, *, highlight: bool) -> None:
        """Mark a value the importer is unsure of (yellow), or just note where it came from."""
        if item.confidence is Confidence.MISSING:
            text = _("The importer did not find this in the document.")
        elif item.confidence is Confidence.LOW:
            text = _("Check this against the document (low confidence): {note}").format(
                note=item.note
            )
        else:
            text = _("Check this against the document (medium confidence): {note}").format(
                note=item.note
            )
        if highlight:
            self.review_text = text
        else:
            self.note_text = text
        self._refresh()

    @property
    def needs_review(self) -> bool:
        return bool(self.review_text)

    def _refresh(self) -> None:
        parts = [*self.problems, self.review_text, self.note_text, self.hint]
        text = "\n".join(part for part in parts if part)
        self.widget.setToolTip(rich_escaped(text) if text else "")
        self.widget.setAccessibleDescription(text)
        changed = False
        for prop, on in (
            (PROBLEM_PROPERTY, bool(self.problems)),
            (REVIEW_PROPERTY, bool(self.review_text)),
        ):
            if self.widget.property(prop) != on:
                self.widget.setProperty(prop, on)
                changed = True
        if changed:
            style = self.widget.style()
            style.unpolish(self.widget)
            style.polish(self.widget)
            if isinstance(self.widget, QPlainTextEdit):
                style.unpolish(self.widget.viewport())
                style.polish(self.widget.viewport())
            self.widget.update()

    def focus_widget(self) -> QWidget:
        return self.widget


class LineField(FormField):
    widget: QLineEdit

    def __init__(self, label: str, tab: QWidget, hint: str = "", **kw: Any) -> None:
        super().__init__(QLineEdit(), label, tab, hint, **kw)
        if hint:
            self.widget.setPlaceholderText(hint)

    def value(self) -> str:
        return self.widget.text()

    def _show(self, value: Any) -> None:
        self.widget.setText(str(value or ""))
        self.widget.setCursorPosition(0)

    def _connect(self) -> None:
        self.widget.textChanged.connect(self._changed)


class TextField(FormField):
    widget: QPlainTextEdit

    def __init__(
        self,
        label: str,
        tab: QWidget,
        hint: str = "",
        height: int = 100,
        *,
        fixed: bool = False,
        **kw: Any,
    ) -> None:
        super().__init__(QPlainTextEdit(), label, tab, hint, **kw)
        self.widget.setMinimumHeight(height)
        if fixed:  # short lists (an address, emails) need no more room than that
            self.widget.setMaximumHeight(height)
        if hint:
            self.widget.setPlaceholderText(hint)

    def value(self) -> str:
        return typed_text(self.widget)

    def _show(self, value: Any) -> None:
        self.widget.setPlainText(str(value or ""))

    def _connect(self) -> None:
        self.widget.textChanged.connect(self._changed)


class LinesField(TextField):
    """A list of texts, one per line (blank lines are ignored)."""

    def __init__(
        self,
        label: str,
        tab: QWidget,
        hint: str = "",
        height: int = 70,
        split: Callable[[str], list[str]] = _split_lines,
        joiner: str = "\n",
        **kw: Any,
    ) -> None:
        self.split, self.joiner = split, joiner
        super().__init__(label, tab, hint, height, **kw)

    def value(self) -> list[str]:
        return self.split(typed_text(self.widget))

    def _show(self, value: Any) -> None:
        self.widget.setPlainText(self.joiner.join(value or ()))


class CommaField(LineField):
    """A short list of texts on one line, separated by commas."""

    def value(self) -> list[str]:  # type: ignore[override]
        return _split_commas(self.widget.text())

    def _show(self, value: Any) -> None:
        self.widget.setText(", ".join(value or ()))


class DateField(LineField):
    """A date typed as 2018-06-08 (or 8 June 2018, tidied when the field is left)."""

    def __init__(self, label: str, tab: QWidget, hint: str = "", **kw: Any) -> None:
        super().__init__(label, tab, hint, **kw)
        self.widget.editingFinished.connect(self._tidy)

    def value(self) -> date | str | None:  # type: ignore[override]
        text = self.widget.text().strip()
        if not text:
            return None
        try:
            return date.fromisoformat(text)
        except ValueError:
            return parse_date(text) or text  # text that is no date: the loader says so

    def _show(self, value: Any) -> None:
        self.widget.setText(value.isoformat() if isinstance(value, date) else str(value or ""))

    def _tidy(self) -> None:
        value = self.value()
        if isinstance(value, date) and self.widget.text().strip() != value.isoformat():
            self.widget.setText(value.isoformat())


class ChoiceField(FormField):
    widget: QComboBox

    def __init__(
        self, label: str, tab: QWidget, choices: Iterable[tuple[str, str]], **kw: Any
    ) -> None:
        combo = QComboBox()
        for text, data in choices:
            combo.addItem(_(text) if text != "x" else text, data)
        super().__init__(combo, label, tab, **kw)

    def value(self) -> str:
        return str(self.widget.currentData() or "")

    def _show(self, value: Any) -> None:
        text = str(value.value if isinstance(value, Role | CaseKind) else value or "")
        index = self.widget.findData(text)
        if index < 0:  # a value the form does not offer: kept, so the loader can name it
            self.widget.addItem(text, text)
            index = self.widget.count() - 1
        self.widget.setCurrentIndex(index)

    def _connect(self) -> None:
        self.widget.currentIndexChanged.connect(self._changed)


class NumberField(FormField):
    widget: QSpinBox

    def __init__(self, label: str, tab: QWidget, **kw: Any) -> None:
        spin = QSpinBox()
        spin.setRange(1, 999)
        super().__init__(spin, label, tab, **kw)

    def value(self) -> int:
        return self.widget.value()

    def _show(self, value: Any) -> None:
        self.widget.setValue(max(int(value or 1), 1))

    def _connect(self) -> None:
        self.widget.valueChanged.connect(self._changed)


# --------------------------------------------------------------------------- people, officials


class PersonRow(QWidget):
    """One person the appeal is for: name and gender, with a button to remove the row."""

    def __init__(self, tab: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.name = LineField(_("Name"), tab, _("Full name, as the document gives it"))
        self.gender = ChoiceField(_("Gender"), tab, GENDER_CHOICES)
        self.remove = QPushButton(_("Remove"), self)
        self.remove.setAutoDefault(False)
        layout = QHBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.name.box, 3)
        layout.addWidget(self.gender.box, 1)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignTop)

    @property
    def fields(self) -> dict[str, FormField]:
        return {"name": self.name, "gender": self.gender}

    def set_number(self, number: int) -> None:
        self.setObjectName(f"editorPerson{number}")
        self.name.widget.setObjectName(f"editorPerson{number}Name")
        self.gender.widget.setObjectName(f"editorPerson{number}Gender")
        self.name.widget.setAccessibleName(_("Person {number}: name").format(number=number))
        self.gender.widget.setAccessibleName(_("Person {number}: gender").format(number=number))
        self.remove.setObjectName(f"editorPerson{number}Remove")
        self.remove.setAccessibleName(_("Remove person {number}").format(number=number))

    def data(self) -> dict[str, Any]:
        out: dict[str, Any] = {}
        name = self.name.value().strip()
        if name or not self.gender.value():
            out["name"] = name
        if self.gender.value():
            out["gender"] = self.gender.value()
        return out


class OfficialForm(QWidget):
    """The fields of one official (id, role, title, name, organisation, address, contacts,
    salutation in the case's language and in others)."""

    def __init__(self, tab: QWidget, parent: QWidget | None = None) -> None:
        from uaction_desktop.gui.case_languages import SalutationsField

        super().__init__(parent)
        self.auto_id = False
        self.fields: dict[str, FormField] = {
            "role": ChoiceField(_("Role:"), tab, ROLE_CHOICES, name="officialRole"),
            "title": LineField(
                _("Title:"), tab, _("e.g. Prosecutor General"), name="officialTitle"
            ),
            "name": LineField(_("Name:"), tab, _("e.g. Kairat Kozhamzharov"), name="officialName"),
            "organisation": LineField(
                _("Organisation:"), tab, _("e.g. Embassy of ..."), name="officialOrganisation"
            ),
            "address": LinesField(
                _("Address lines:"),
                tab,
                _("One line of the postal address per line"),
                96,
                fixed=True,
                name="officialAddress",
            ),
            "country": LineField(
                _("Country:"), tab, _("Where the official is"), name="officialCountry"
            ),
            "fax": LineField(
                _("Fax:"),
                tab,
                _("e.g. {example}").format(example="+7 7172 506 402"),
                name="officialFax",
            ),
            "phone": LineField(
                _("Phone:"),
                tab,
                _("e.g. {example}").format(example="+1 202 232 5488"),
                name="officialPhone",
            ),
            "emails": LinesField(
                _("Emails:"),
                tab,
                _("One email address per line"),
                58,
                _split_words,
                fixed=True,
                name="officialEmails",
            ),
            "social": LinesField(
                _("Social media:"),
                tab,
                _("One handle per line, e.g. @MFA_KZ"),
                58,
                fixed=True,
                name="officialSocial",
            ),
            "salutation": LineField(
                _("Salutation:"), tab, _("e.g. Dear Prosecutor General"), name="officialSalutation"
            ),
            "salutations": SalutationsField(
                _("In other languages:"), tab, name="officialSalutations"
            ),
            "id": LineField(
                _("Id:"),
                tab,
                _("A short name used by the app (made from the title)"),
                name="officialId",
            ),
        }
        outer = QVBoxLayout(self)
        outer.setContentsMargins(0, 0, 0, 0)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.labels: dict[str, QLabel] = {}
        for key, item in self.fields.items():
            label = QLabel(item.label, self)
            label.setBuddy(item.widget)
            form.addRow(label, item.box)
            self.labels[key] = label
        outer.addLayout(form)
        outer.addStretch(1)  # spare height below the fields, not between them
        self.fields["id"].widget.textEdited.connect(self._id_typed)

    def _id_typed(self, text: str) -> None:
        self.auto_id = not text

    def value(self, key: str) -> Any:
        return self.fields[key].value()

    def display(self) -> str:
        words = [self.value("title").strip(), self.value("name").strip()]
        return " ".join(w for w in words if w) or self.value("organisation").strip()

    def set_official(self, values: dict[str, Any]) -> None:
        for key, item in self.fields.items():
            item.set_value(values.get(key, ""))

    def data(self) -> dict[str, Any]:
        """The official as the case file's table (empty values left out, as ``dump_case``)."""
        out: dict[str, Any] = {}
        for key in _OFFICIAL_KEYS:
            value = self.value(key)
            if isinstance(value, str):
                value = value.strip()
            if value:
                out[key] = value
        return out


# --------------------------------------------------------------------------- the dialog


class CaseEditor(QDialog):
    """Edit every field of a case; validate as you type; save a TOML file atomically."""

    def __init__(
        self,
        case_or_draft: Case | Draft | None,
        cases_dir: Path,
        existing_paths: Iterable[str | os.PathLike[str]] = (),
        *,
        source: str = "",
        parent: QWidget | None = None,
        drafts_dir: Path | None = None,
    ) -> None:
        super().__init__(parent)
        self.setObjectName("caseEditor")
        self.setAccessibleName(_("Case editor"))
        self.setStyleSheet(STYLE)
        self.cases_dir = Path(cases_dir)
        self.existing_paths = [Path(p) for p in existing_paths if str(p)]
        self.saved_path: Path | None = None
        self.draft = case_or_draft if isinstance(case_or_draft, Draft) else None
        self.original = case_or_draft if isinstance(case_or_draft, Case) else None
        self.own_path = self._own_path(self.original)
        self.problems: list[Problem] = []
        self.case: Case | None = None
        self._loading = True
        self._dirty = self.draft is not None
        # A blank new case is not full of errors: what is missing is shown once the user types.
        self._quiet = case_or_draft is None

        self.timer = QTimer(self)
        self.timer.setSingleShot(True)
        self.timer.setInterval(VALIDATE_DELAY_MS)
        self.timer.timeout.connect(self.validate)

        self.banner = QLabel(self)
        self.banner.setObjectName("editorBanner")
        self.banner.setAccessibleName(_("About this case"))
        self.banner.setTextFormat(Qt.TextFormat.PlainText)
        self.banner.setWordWrap(True)
        self.restoreBar = RestoreBar(self)
        self.restoreBar.restoreRequested.connect(self.restore)
        self.restoreBar.discardRequested.connect(self._discard_offered)
        self.autosaveNote = QLabel(self)
        self.autosaveNote.setObjectName("autosaveNote")
        self.autosaveNote.setTextFormat(Qt.TextFormat.PlainText)
        self.autosaveNote.setWordWrap(True)
        self.autosaveNote.hide()
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("editorTabs")
        self.tabs.setAccessibleName(_("Parts of the case"))
        self.fields: dict[str, FormField] = {}
        self.people: list[PersonRow] = []
        self.official_forms: list[OfficialForm] = []
        self._build_case_tab()
        self._build_text_tab()
        self._build_people_tab()
        self._build_officials_tab()
        self._build_translations_tab()
        self.notesTab: QWidget | None = None
        if self.draft is not None:
            self._build_notes_tab(self.draft)
        self.general = ProblemSlot(_("Case file"), self.tabs.widget(0), self)

        self.problemsLabel = QLabel(self)
        self.problemsLabel.setObjectName("editorProblemsLabel")
        self.problemsLabel.setTextFormat(Qt.TextFormat.PlainText)
        self.problemsList = QListWidget(self)
        self.problemsList.setObjectName("editorProblems")
        self.problemsList.setAccessibleName(_("Problems to fix before saving"))
        self.problemsList.setMaximumHeight(96)
        self.problemsList.itemActivated.connect(self._on_problem_activated)
        self.problemsList.itemClicked.connect(self._on_problem_activated)
        self.problemsLabel.setBuddy(self.problemsList)

        self.saveButton = QPushButton(_("&Save"), self)
        self.saveButton.setObjectName("editorSave")
        self.saveButton.setAccessibleName(_("Save the case"))
        self.cancelButton = QPushButton(_("Cancel"), self)
        self.cancelButton.setObjectName("editorCancel")
        self.cancelButton.setAccessibleName(_("Close without saving"))
        for button in (self.saveButton, self.cancelButton):
            button.setAutoDefault(False)  # Enter in a field must not save a half-checked form
        self.saveButton.clicked.connect(self.save)
        self.cancelButton.clicked.connect(self.reject)
        QShortcut(QKeySequence.StandardKey.Save, self, activated=self.save)
        buttons = QHBoxLayout()
        buttons.addWidget(self.problemsLabel, 1)
        buttons.addWidget(self.saveButton)
        buttons.addWidget(self.cancelButton)

        layout = QVBoxLayout(self)
        layout.addWidget(self.banner)
        layout.addWidget(self.restoreBar)
        layout.addWidget(self.autosaveNote)
        layout.addWidget(self.general.error)
        layout.addWidget(self.tabs, 1)
        layout.addWidget(self.problemsList)
        layout.addLayout(buttons)
        fit_to_screen(self, QSize(920, 760))

        self._fill(case_or_draft)
        if self.draft is not None:
            self._list_review(self.draft)
        self._loading = False
        self._describe(case_or_draft, source)
        self.autosave = CaseFormStore(
            drafts_dir or self.cases_dir.parent / CASE_DRAFTS_FOLDER, self._autosave_target(source)
        )
        self.restoreBar.offer(self.autosave.others())
        self.validate()

    # ------------------------------------------------------------------ building

    def _field(self, key: str, item: FormField) -> FormField:
        item.on_edit = self._on_edit
        self.fields[key] = item
        return item

    @staticmethod
    def _scroll(page: QWidget, name: str) -> QScrollArea:
        area = QScrollArea()
        area.setObjectName(name)
        area.setWidgetResizable(True)
        area.setFrameShape(QFrame.Shape.NoFrame)
        area.setWidget(page)
        return area

    def _build_case_tab(self) -> None:
        page = QWidget()
        tab = self._scroll(page, "editorCaseTab")
        from uaction_desktop.gui.case_languages import LanguageField

        f = self._field
        f(
            "ua",
            LineField(
                _("&UA number:"), tab, _("e.g. {example}").format(example="63/18"), name="editorUa"
            ),
        )
        f("kind", ChoiceField(_("&Kind:"), tab, KIND_CHOICES, name="editorKind"))
        f("update", NumberField(_("Update num&ber:"), tab, name="editorUpdate"))
        f("index", LineField(_("&Index:"), tab, _("e.g. EUR 57/8122/2018"), name="editorIndex"))
        f(
            "title",
            LineField(
                _("&Title:"), tab, _("The headline of the Urgent Action"), name="editorTitle"
            ),
        )
        f(
            "country",
            LineField(
                _("Countr&y:"), tab, _("The country the case is about"), name="editorCountry"
            ),
        )
        f(
            "issued",
            DateField(
                _("Issued &on:"),
                tab,
                _("e.g. {example}").format(example="2018-03-27"),
                name="editorIssued",
            ),
        )
        f(
            "deadline",
            DateField(
                _("&Deadline:"),
                tab,
                _("e.g. 2018-06-08 (a closure notice has none)"),
                name="editorDeadline",
            ),
        )
        f(
            "language",
            LanguageField(_("Lan&guage of the text:"), tab, name="editorLanguage"),
        )
        f(
            "languages",
            CommaField(
                _("&Languages asked for:"),
                tab,
                _("Languages the document asks writers to use, e.g. English, Russian"),
                name="editorLanguages",
            ),
        )
        f(
            "source",
            LineField(
                _("Sou&rce:"),
                tab,
                _("Who issued it, e.g. Amnesty International USA"),
                name="editorSource",
            ),
        )
        f(
            "report_reference",
            LineField(
                _("Report r&eference:"),
                tab,
                _("What to quote when you report back, e.g. UA 63.18"),
                name="editorReportReference",
            ),
        )
        self.fields["kind"].widget.currentIndexChanged.connect(self._on_kind)
        self.fields["language"].widget.currentIndexChanged.connect(self._on_language)
        form = QFormLayout(page)
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for key, item in self.fields.items():
            if key == "update":
                continue
            label = QLabel(item.label, page)
            label.setBuddy(item.widget)
            if key == "kind":
                row = QWidget(page)
                line = QHBoxLayout(row)
                line.setContentsMargins(0, 0, 0, 0)
                line.addWidget(item.box, 2)
                update = self.fields["update"]
                update_label = QLabel(update.label, row)
                update_label.setBuddy(update.widget)
                update_label.setMinimumHeight(update.widget.sizeHint().height())
                line.addWidget(update_label, 0, Qt.AlignmentFlag.AlignTop)
                line.addWidget(update.box, 1)
                form.addRow(label, row)
            else:
                form.addRow(label, item.box)
        self.tabs.addTab(tab, _("&Case"))

    def _build_text_tab(self) -> None:
        page = QWidget()
        tab = self._scroll(page, "editorTextTab")
        f = self._field
        f(
            "summary",
            TextField(
                _("Su&mmary:"),
                tab,
                _("The first paragraph: what happened, to whom"),
                90,
                name="editorSummary",
            ),
        )
        f(
            "asks",
            LinesField(
                _("&Appeal points (one per line):"),
                tab,
                _("One appeal point per line"),
                110,
                joiner="\n\n",
                name="editorAsks",
            ),
        )
        f(
            "details",
            TextField(_("D&etails:"), tab, _("The rest of the story"), 150, name="editorDetails"),
        )
        f(
            "background",
            TextField(
                _("&Background:"), tab, _("Additional information"), 150, name="editorBackground"
            ),
        )
        f(
            "model_letter",
            TextField(
                _("Model le&tter:"),
                tab,
                _("A model letter, if the document gives one"),
                110,
                name="editorModelLetter",
            ),
        )
        layout = QVBoxLayout(page)
        for key in ("summary", "asks", "details", "background", "model_letter"):
            item = self.fields[key]
            label = QLabel(item.label, page)
            label.setBuddy(item.widget)
            layout.addWidget(label)
            layout.addWidget(item.box)
        self.tabs.addTab(tab, _("Te&xt"))

    def _build_translations_tab(self) -> None:
        from uaction_desktop.gui.case_languages import TranslationsTab

        self.translationsTab = TranslationsTab(self._on_edit, self._on_structure)
        self.tabs.addTab(self.translationsTab, _("Tr&anslations"))

    def _build_people_tab(self) -> None:
        page = QWidget()
        self.peopleTab = self._scroll(page, "editorPeopleTab")
        intro = QLabel(_("The people the appeal is for. Their names go into the letters."), page)
        intro.setWordWrap(True)
        self.peopleSlot = ProblemSlot(_("People"), self.peopleTab, page)
        self.peopleBox = QVBoxLayout()
        self.addPerson = QPushButton(_("&Add a person"), page)
        self.addPerson.setObjectName("editorAddPerson")
        self.addPerson.setAutoDefault(False)
        self.addPerson.setAccessibleName(_("Add a person"))
        self.addPerson.clicked.connect(lambda: self.add_person(focus=True))
        layout = QVBoxLayout(page)
        layout.addWidget(intro)
        layout.addWidget(self.peopleSlot.error)
        layout.addLayout(self.peopleBox)
        layout.addWidget(self.addPerson, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)
        self.tabs.addTab(self.peopleTab, _("&People"))

    def _build_officials_tab(self) -> None:
        tab = QWidget()
        tab.setObjectName("editorOfficialsTab")
        self.officialsTab = tab
        self.officialsSlot = ProblemSlot(_("Officials"), tab, tab)
        self.officialList = QListWidget(tab)
        self.officialList.setObjectName("editorOfficials")
        self.officialList.setAccessibleName(_("Officials to write to"))
        self.officialList.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.officialList.setWordWrap(True)
        self.officialList.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        self.officialList.setSpacing(2)
        self.officialList.currentRowChanged.connect(self._on_official_row)
        self.officialAdd = QPushButton(_("&Add"), tab)
        self.officialRemove = QPushButton(_("Remove"), tab)
        self.officialUp = QPushButton(_("Move &up"), tab)
        self.officialDown = QPushButton(_("Move &down"), tab)
        for button, name, text in (
            (self.officialAdd, "editorOfficialAdd", _("Add an official")),
            (self.officialRemove, "editorOfficialRemove", _("Remove the selected official")),
            (self.officialUp, "editorOfficialUp", _("Move the selected official up")),
            (self.officialDown, "editorOfficialDown", _("Move the selected official down")),
        ):
            button.setObjectName(name)
            button.setAccessibleName(text)
            button.setToolTip(text)
            button.setAutoDefault(False)
        self.officialAdd.clicked.connect(lambda: self.add_official(focus=True))
        self.officialRemove.clicked.connect(lambda: self.remove_official(self.current_official()))
        self.officialUp.clicked.connect(lambda: self.move_official(self.current_official(), -1))
        self.officialDown.clicked.connect(lambda: self.move_official(self.current_official(), 1))
        self.officialStack = QStackedWidget()
        self.officialStack.setObjectName("editorOfficialForms")
        self.officialStack.setAccessibleName(_("The selected official"))
        self.officialEmpty = QLabel(
            _("No officials yet. Add the people the appeal asks you to write to."), tab
        )
        self.officialEmpty.setWordWrap(True)
        self.officialStack.addWidget(self.officialEmpty)
        form_area = self._scroll(self.officialStack, "editorOfficialScroll")

        left = QWidget(tab)
        column = QVBoxLayout(left)
        column.setContentsMargins(0, 0, 0, 0)
        column.addWidget(self.officialList, 1)
        row1, row2 = QHBoxLayout(), QHBoxLayout()
        row1.addWidget(self.officialAdd)
        row1.addWidget(self.officialRemove)
        row2.addWidget(self.officialUp)
        row2.addWidget(self.officialDown)
        column.addLayout(row1)
        column.addLayout(row2)
        splitter = QSplitter(Qt.Orientation.Horizontal, tab)
        splitter.setChildrenCollapsible(False)
        splitter.addWidget(left)
        splitter.addWidget(form_area)
        splitter.setStretchFactor(0, 0)
        splitter.setStretchFactor(1, 1)
        splitter.setSizes([260, 620])
        layout = QVBoxLayout(tab)
        layout.addWidget(self.officialsSlot.error)
        layout.addWidget(splitter, 1)
        self.tabs.addTab(tab, _("O&fficials"))

    def _build_notes_tab(self, draft: Draft) -> None:
        tab = QWidget()
        tab.setObjectName("editorNotesTab")
        self.notesTab = tab
        review_label = QLabel(
            _("Fields to check against the document, worst first (highlighted in yellow):"), tab
        )
        self.reviewList = QListWidget(tab)
        self.reviewList.setObjectName("editorReview")
        self.reviewList.setAccessibleName(_("Fields to check"))
        self.reviewList.itemActivated.connect(self._on_problem_activated)
        self.reviewList.itemClicked.connect(self._on_problem_activated)
        review_label.setBuddy(self.reviewList)

        left_label = QLabel(
            _("Text the importer could not place (copy what belongs to the case into its field):"),
            tab,
        )
        left_label.setWordWrap(True)
        self.leftovers = QPlainTextEdit(tab)
        self.leftovers.setObjectName("editorLeftovers")
        self.leftovers.setAccessibleName(_("Text the importer could not place"))
        self.leftovers.setReadOnly(True)
        self.leftovers.setPlainText(
            _leftover_text(draft.leftovers)
            or _("(none: every part of the document went into a field)")
        )
        left_label.setBuddy(self.leftovers)
        dropped_label = QLabel(
            _(
                "Left out on purpose (page headers and footers, conversion markers, standard "
                "instructions):"
            ),
            tab,
        )
        dropped_label.setWordWrap(True)
        self.dropped = QPlainTextEdit(tab)
        self.dropped.setObjectName("editorDropped")
        self.dropped.setAccessibleName(_("Text the importer left out on purpose"))
        self.dropped.setReadOnly(True)
        self.dropped.setPlainText(_leftover_text(draft.dropped, "\n") or "(none)")
        self.dropped.setMaximumHeight(110)
        dropped_label.setBuddy(self.dropped)
        layout = QVBoxLayout(tab)
        if draft.warnings:
            warn = QLabel("\n".join(draft.warnings), tab)
            warn.setObjectName("editorImportWarnings")
            warn.setTextFormat(Qt.TextFormat.PlainText)
            warn.setWordWrap(True)
            layout.addWidget(warn)
        layout.addWidget(review_label)
        layout.addWidget(self.reviewList, 2)
        layout.addWidget(left_label)
        layout.addWidget(self.leftovers, 3)
        layout.addWidget(dropped_label)
        layout.addWidget(self.dropped, 1)
        title = _("Import &notes")
        if draft.leftovers:
            title = _("Import &notes ({count} unplaced)").format(count=len(draft.leftovers))
        self.tabs.addTab(tab, title)

    def _list_review(self, draft: Draft) -> None:
        """The importer's doubts, worst first, in the Import notes tab (click one to go there)."""
        fill_review_list(self.reviewList, draft, self.describe_path)

    # ------------------------------------------------------------------ filling

    @staticmethod
    def _values(source: Case | Draft | None) -> dict[str, Any]:
        if isinstance(source, Draft):
            return {key: item.value for key, item in source.fields.items()}
        if isinstance(source, Case):
            return {key: getattr(source, key) for key in _CASE_KEYS}
        return {"kind": CaseKind.INITIAL, "update": 1}

    def _fill(self, source: Case | Draft | None) -> None:
        for key, value in self._values(source).items():
            if key in self.fields:
                self.fields[key].set_value(value)
        self._on_kind()
        self._on_language()
        if isinstance(source, Case):
            self.translationsTab.set_data(
                {t.language: _translation_values(t) for t in source.translations}
            )
            for person in source.people:
                self.add_person(person)
            for official in source.officials:
                self.add_official(official)
        elif isinstance(source, Draft):
            for draft_person in source.people:
                self.add_person(Person(draft_person.name.value, draft_person.gender.value or ""))
            for draft_official in source.officials:
                values = {k: f.value for k, f in draft_official.fields.items()}
                values["salutations"] = draft_official.other_salutations(source.language)
                self.add_official(values)
            review = source.to_review()
            for path, item in source.assessments().items():
                target = self.field_for(path)
                if target is None or not isinstance(target, FormField):
                    continue
                if path in review:
                    target.set_review(item, highlight=True)
                elif item.confidence is not Confidence.HIGH:
                    target.set_review(item, highlight=False)
        if self.official_forms:
            self.officialList.setCurrentRow(0)
        self._refresh_officials()

    def _describe(self, source: Case | Draft | None, name: str) -> None:
        ua = str(self.fields["ua"].value()).strip()
        if isinstance(source, Draft):
            review = sum(1 for f in self._all_fields() if f.needs_review)
            lines = [
                ngettext(
                    "Imported from {name}. Check the field highlighted in yellow ({count}) "
                    "against the document, then save.",
                    "Imported from {name}. Check the fields highlighted in yellow ({count}) "
                    "against the document, then save.",
                    review,
                ).format(name=name or _("the document"), count=review)
            ]
            if source.leftovers:
                count = len(source.leftovers)
                lines.append(
                    ngettext(
                        "{count} piece of text could not be placed: see the Import notes tab.",
                        "{count} pieces of text could not be placed: see the Import notes tab.",
                        count,
                    ).format(count=count)
                )
            self.setWindowTitle(
                _("Review imported UA {ua}").format(ua=ua) if ua else _("Review imported case")
            )
        elif isinstance(source, Case) and self.own_path is not None:
            lines = [_("Editing your case file {name}.").format(name=self.own_path.name)]
            self.setWindowTitle(_("Edit UA {ua}").format(ua=source.ua))
        elif isinstance(source, Case):
            lines = [
                _(
                    "This case came with the app. Your changes are saved as your own copy in your "
                    "cases folder, which the app then uses instead; the original stays as it is."
                )
            ]
            self.setWindowTitle(_("Edit a copy of UA {ua}").format(ua=source.ua))
        else:
            lines = [_("A new case: once you type, the list at the bottom says what is missing.")]
            self.setWindowTitle(_("New case"))
        self.banner.setText("\n".join(lines))

    def _own_path(self, case: Case | None) -> Path | None:
        """The case's file if it is one of the user's (it is then saved in place), else None."""
        if case is None or not case.path:
            return None
        path = Path(case.path)
        try:
            inside = _same_file(path.parent, self.cases_dir)
        except OSError:
            return None
        return path if inside else None

    # ------------------------------------------------------------------ people and officials

    def add_person(self, person: Person | None = None, *, focus: bool = False) -> PersonRow:
        row = PersonRow(self.peopleTab)
        for item in row.fields.values():
            item.on_edit = self._on_edit
        if person is not None:
            row.name.set_value(person.name)
            row.gender.set_value(person.gender)
        row.remove.clicked.connect(lambda: self.remove_person(row))
        self.people.append(row)
        self.peopleBox.addWidget(row)
        self._renumber_people()
        if focus:
            self.tabs.setCurrentWidget(self.peopleTab)
            row.name.widget.setFocus()
        self._on_structure()
        return row

    def remove_person(self, row: PersonRow) -> None:
        if row not in self.people:
            return
        self.people.remove(row)
        self.peopleBox.removeWidget(row)
        row.deleteLater()
        self._renumber_people()
        self._on_structure()

    def _renumber_people(self) -> None:
        for number, row in enumerate(self.people, start=1):
            row.set_number(number)

    def add_official(
        self, official: Official | dict[str, Any] | None = None, *, focus: bool = False
    ) -> OfficialForm:
        form = OfficialForm(self.officialsTab)
        for item in form.fields.values():
            item.on_edit = self._on_official_edit
        if isinstance(official, Official):
            values: dict[str, Any] = {
                key: getattr(official, key) for key in form.fields if hasattr(official, key)
            }
            form.set_official(values)
        elif isinstance(official, dict):
            form.set_official(official)
        else:
            form.set_official({"role": Role.TARGET.value})
            form.auto_id = True
        form.fields["salutations"].set_own_language(self.language())  # type: ignore[attr-defined]
        form.labels["salutation"].setText(
            _("Salutation ({language}):").format(language=language_display_name(self.language()))
        )
        self.official_forms.append(form)
        self.officialStack.addWidget(form)
        self._refresh_officials()
        self.officialList.setCurrentRow(len(self.official_forms) - 1)
        if focus:
            self.tabs.setCurrentWidget(self.officialsTab)
            form.fields["title"].widget.setFocus()
        self._on_structure()
        return form

    def current_official(self) -> int:
        return self.officialList.currentRow()

    def remove_official(self, index: int) -> None:
        if not 0 <= index < len(self.official_forms):
            return
        form = self.official_forms.pop(index)
        self.officialStack.removeWidget(form)
        form.deleteLater()
        self._refresh_officials()
        if self.official_forms:
            self.officialList.setCurrentRow(min(index, len(self.official_forms) - 1))
        self._on_structure()

    def move_official(self, index: int, step: int) -> None:
        """Move an official up (step -1) or down (+1); the letters list them in this order."""
        other = index + step
        forms = self.official_forms
        if not (0 <= index < len(forms) and 0 <= other < len(forms)):
            return
        forms[index], forms[other] = forms[other], forms[index]
        self._refresh_officials()
        self.officialList.setCurrentRow(other)
        self._on_structure()

    def _refresh_officials(self) -> None:
        """The list's rows from the forms, in order; marks for problems and fields to check."""
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        row = self.officialList.currentRow()
        self.officialList.blockSignals(True)
        while self.officialList.count() > len(self.official_forms):
            self.officialList.takeItem(self.officialList.count() - 1)
        while self.officialList.count() < len(self.official_forms):
            self.officialList.addItem(QListWidgetItem())
        for i, form in enumerate(self.official_forms):
            item = self.officialList.item(i)
            role = _("copy") if form.value("role") == Role.COPY.value else _("target")
            who = form.display() or _("(no title or name yet)")
            item.setText(f"{i + 1}. {who}\n{role}")
            problems = [m for f in form.fields.values() for m in f.problems]
            review = any(f.needs_review for f in form.fields.values())
            item.setIcon(warning if problems else QtGui.QIcon())
            item.setBackground(QtGui.QColor("#fff1a8") if review else QtGui.QBrush())
            item.setForeground(QtGui.QColor("#1a1a1a") if review else QtGui.QBrush())
            notes = [*problems, _("Some fields need checking.") if review else ""]
            item.setToolTip(rich_escaped("\n".join(n for n in notes if n)) if any(notes) else "")
        self.officialList.blockSignals(False)
        if 0 <= row < len(self.official_forms):
            self.officialList.setCurrentRow(row)
        self._on_official_row(self.officialList.currentRow())

    def _on_official_row(self, row: int) -> None:
        if 0 <= row < len(self.official_forms):
            self.officialStack.setCurrentWidget(self.official_forms[row])
        else:
            self.officialStack.setCurrentWidget(self.officialEmpty)
        count = len(self.official_forms)
        self.officialRemove.setEnabled(0 <= row < count)
        self.officialUp.setEnabled(0 < row < count)
        self.officialDown.setEnabled(0 <= row < count - 1)

    # ------------------------------------------------------------------ edits and validation

    def _on_kind(self, *args: object) -> None:
        follow_up = self.fields["kind"].value() == CaseKind.FOLLOW_UP.value
        self.fields["update"].widget.setEnabled(follow_up)

    def language(self) -> str:
        """The language the case's own text is in (the Case tab's choice)."""
        return self.fields["language"].value() or "en"

    def _on_language(self, *args: object) -> None:
        """Another language for the case's own text: each official's salutation in it becomes
        the Salutation, and the one it replaces moves to its own language's line (nothing is
        lost); the translations tab no longer offers it."""
        new = self.language()
        old = getattr(self, "_language", new)
        self._language = new
        for form in self.official_forms:
            others: Any = form.fields["salutations"]
            if new != old and not self._loading:
                values = others.value()
                current = form.value("salutation").strip()
                if current and not values.get(old):
                    values[old] = current
                form.fields["salutation"].set_value(values.pop(new, "") or "")
                others.set_value(values)
            others.set_own_language(new)
            form.labels["salutation"].setText(
                _("Salutation ({language}):").format(language=language_display_name(new))
            )
        self.translationsTab.set_own_language(new)

    def _on_edit(self, item: FormField | None = None) -> None:
        if self._loading:
            return
        self._dirty = True
        self._quiet = False
        self.timer.start()

    def _on_official_edit(self, item: FormField) -> None:
        if self._loading:
            return
        for form in self.official_forms:
            if item in form.fields.values():
                if form.auto_id and item in (form.fields["title"], form.fields["name"]):
                    self._make_id(form)
                break
        self._refresh_officials()
        self._on_edit(item)

    def _make_id(self, form: OfficialForm) -> None:
        taken = {f.value("id").strip() for f in self.official_forms if f is not form}
        ident = official_id(form.value("title"), form.value("name"), taken)
        form.fields["id"].set_value(ident)

    def _on_structure(self) -> None:
        if not self._loading:
            self._dirty = True
            self._quiet = False
            self.validate()

    def form_data(self) -> dict[str, Any]:
        """The form as the case file's tables, in ``case_to_dict``'s order and shape."""
        out: dict[str, Any] = {"format": FORMAT_VERSION}
        kind = self.fields["kind"].value()
        for key in _CASE_KEYS:
            if key in ("people", "officials"):
                continue
            if key == "kind":
                if kind != CaseKind.INITIAL.value:
                    out["kind"] = kind
                continue
            if key == "update":
                if kind == CaseKind.FOLLOW_UP.value:
                    out["update"] = self.fields["update"].value()
                continue
            if key == "language":
                if self.language() != "en":  # the default, left out as dump_case does
                    out["language"] = self.language()
                continue
            if key == "translations":
                if self.translationsTab.forms:
                    out["translations"] = self.translationsTab.data()
                continue
            value = self.fields[key].value()
            if isinstance(value, str):
                value = value.strip()
            if value or value == 0:
                out[key] = value
        if self.people:
            out["people"] = [row.data() for row in self.people]
        if self.official_forms:
            out["officials"] = [form.data() for form in self.official_forms]
        return out

    def form_toml(self) -> str:
        """The case file text the form stands for (what :meth:`validate` checks)."""
        return tomli_w.dumps(self.form_data(), multiline_strings=True)

    def validate(self) -> list[Problem]:
        """Check the form with the loader's own rules; show each problem at its field."""
        self.timer.stop()
        try:
            text = self.form_toml()
        except (TypeError, ValueError) as exc:  # text TOML cannot hold; should never happen
            problems = [
                Problem(
                    "case", "", _("cannot be written as a case file: {problem}").format(problem=exc)
                )
            ]
            result_case = None
        else:
            result = parse_case_text(text, "case")
            problems, result_case = result.problems, result.case
        self.problems = problems
        self.case = result_case if not problems else None
        self._show_problems(problems)
        if self._dirty:
            self._autosave()
        return problems

    def _all_fields(self) -> list[FormField]:
        out = list(self.fields.values()) + self.translationsTab.all_fields()
        for row in self.people:
            out += row.fields.values()
        for form in self.official_forms:
            out += form.fields.values()
        return out

    def field_for(self, path: str) -> ProblemSlot | None:
        """The field (or list-wide slot) that a problem path such as ``officials[1].salutation``,
        ``asks[2]`` or ``people[0].name`` belongs to."""
        match = _GROUP_PATH_RE.match(path)
        if match:
            group, index, key = match.group(1), int(match.group(2)), match.group(3)
            rows: list[PersonRow] | list[OfficialForm] = (
                self.people if group == "people" else self.official_forms
            )
            if index >= len(rows):
                return self.peopleSlot if group == "people" else self.officialsSlot
            if key is None:  # the whole entry: "needs address lines, an email or a fax"
                key = "name" if group == "people" else "address"
            return rows[index].fields.get(key)
        if path == "people":
            return self.peopleSlot
        if path == "officials":
            return self.officialsSlot
        if path.split(".", 1)[0].split("[", 1)[0] == "translations":
            return self.translationsTab.field_for(path)
        key = re.sub(r"\[\d+\]$", "", path)
        return self.fields.get(key)

    def describe_path(self, path: str) -> str:
        """Where a field is, in words: "Official 2 (Ambassador Erzhan Kazykhanov), Salutation"."""
        slot = self.field_for(path)
        label = (slot.label if slot else path).replace("&", "").rstrip(":")
        match = _GROUP_PATH_RE.match(path)
        if match:
            number = int(match.group(2)) + 1
            if match.group(1) == "people":
                return _("Person {number}, {field}").format(number=number, field=label.lower())
            forms = self.official_forms
            who = forms[number - 1].display() if number <= len(forms) else ""
            if who:
                return _("Official {number} ({who}), {field}").format(
                    number=number, who=who, field=label.lower()
                )
            return _("Official {number}, {field}").format(number=number, field=label.lower())
        if path.startswith("translations.") and slot is not self.translationsTab.slot:
            from uaction_desktop.gui.case_languages import language_label

            where = language_label(path.split(".")[1].split("[", 1)[0])
            if slot is not None and slot.label != where:
                where = _("{language} translation, {field}").format(
                    language=where, field=label.lower()
                )
            line = re.search(r"\.asks\[(\d+)\]$", path)
            if line:
                return _("{field}, point {number}").format(
                    field=where, number=int(line.group(1)) + 1
                )
            return where
        line = re.search(r"\[(\d+)\]$", path)
        if line and path.startswith("asks"):
            return _("{field}, point {number}").format(field=label, number=int(line.group(1)) + 1)
        return label

    def _show_problems(self, problems: list[Problem]) -> None:
        if self._quiet and problems:  # untouched blank case: no red fields yet
            self.saveButton.setEnabled(False)
            self.problemsList.clear()
            self.problemsList.hide()
            self.problemsLabel.setText(_("Fill in the case; what is still needed is listed here."))
            return
        by_slot: dict[int, list[str]] = {}
        slots: dict[int, ProblemSlot] = {}
        self.problemsList.clear()
        for problem in problems:
            slot = self.field_for(problem.field) if problem.field else None
            slot = slot or self.general
            message = friendly(problem.message)
            slots[id(slot)] = slot
            by_slot.setdefault(id(slot), []).append(message)
            where = self.describe_path(problem.field) if problem.field else _("Case")
            item = QListWidgetItem(_("{where}: {problem}").format(where=where, problem=message))
            item.setData(Qt.ItemDataRole.UserRole, problem.field)
            self.problemsList.addItem(item)
        slots_all = [*self._all_fields(), *self.translationsTab.slots()]
        for slot in [*slots_all, self.peopleSlot, self.officialsSlot, self.general]:
            slot.set_problems(by_slot.get(id(slot), []))
        warning = self.style().standardIcon(QStyle.StandardPixmap.SP_MessageBoxWarning)
        counts: dict[int, int] = {}
        for key, slot in slots.items():
            index = self.tabs.indexOf(slot.tab)
            counts[index] = counts.get(index, 0) + len(by_slot[key])
        for index in range(self.tabs.count()):
            count = counts.get(index, 0)
            self.tabs.setTabIcon(index, warning if count else QtGui.QIcon())
            tip = (
                ngettext("{count} problem to fix here", "{count} problems to fix here", count)
                if count
                else ""
            ).format(count=count)
            self.tabs.setTabToolTip(index, tip)
        self._refresh_officials()
        count = len(problems)
        if count:
            self.problemsLabel.setText(
                ngettext(
                    "{count} problem to fix before saving (click it to go to its field).",
                    "{count} problems to fix before saving (click one to go to its field).",
                    count,
                ).format(count=count)
            )
        elif cut := self._cut_off():
            self.problemsLabel.setText(
                _(
                    'Ready to save, but the text seems cut off at "{cut}": compare it with the '
                    "published document."
                ).format(cut=shown(cut))
            )
        else:
            self.problemsLabel.setText(_("Ready to save: the case file is complete."))
        self.problemsList.setVisible(bool(count))
        self.saveButton.setEnabled(not count)

    def _cut_off(self) -> str:
        """Where the case's appeal looks cut off (an imported page that stopped mid-text)."""
        from uaction_desktop.letter_text import elided, truncation

        case = self.case
        if case is None:
            return ""
        languages = (case.language, *(t.language for t in case.translations))
        for text in filter(None, (case.text(language) for language in languages)):
            cut = truncation(text.model_letter) if text.model_letter else ""
            if cut := cut or elided("\n".join(text.asks)):
                return cut
        return ""

    def _on_problem_activated(self, item: QListWidgetItem) -> None:
        path = item.data(Qt.ItemDataRole.UserRole)
        if path:
            self.focus_field(str(path))

    def focus_field(self, path: str) -> QWidget | None:
        """Show the tab (and official) a field is on and put the cursor in it."""
        slot = self.field_for(path)
        if slot is None:
            return None
        match = _GROUP_PATH_RE.match(path)
        if match and match.group(1) == "officials":
            index = int(match.group(2))
            if index < len(self.official_forms):
                self.officialList.setCurrentRow(index)
        self.tabs.setCurrentWidget(slot.tab)
        self.translationsTab.show_form_of(slot)
        widget = slot.focus_widget()
        if isinstance(slot.tab, QScrollArea) and isinstance(slot, FormField):
            slot.tab.ensureWidgetVisible(slot.box)
        widget.setFocus(Qt.FocusReason.OtherFocusReason)
        return widget

    # ------------------------------------------------------------------ saving

    def save(self) -> Path | None:
        """Validate, choose the file and write it atomically; the path, or None if refused."""
        self._quiet = False
        if self.validate() or self.case is None:
            if self.problems:
                self.focus_field(self.problems[0].field)
            return None
        case = self.case
        target = self._target(case)
        if target is None:
            return None
        text = FILE_HEADER + dump_case(case)
        try:
            write_text_atomic(target, text, make_parents=True)
        except OSError as exc:
            QMessageBox.warning(
                self,
                _("Could not save the case"),
                plain(
                    _("The case was not saved to {target}: {value}").format(
                        target=target, value=exc.strerror or exc
                    )
                ),
            )
            return None
        self.saved_path = target
        self._dirty = False
        self.autosave.discard()
        self.accept()
        return target

    def _target(self, case: Case) -> Path | None:
        """Where to save: the user's own file, or a new file named from the UA; never over
        another case's file without asking."""
        clash = self._same_document(case)
        if self.own_path is not None:
            if clash is not None:
                QMessageBox.warning(
                    self,
                    _("Not saved"),
                    plain(
                        _(
                            "UA {replace} is already saved in {name}. Change the UA number (or "
                            "the kind) here, or edit that file instead."
                        ).format(replace=case.key.replace("#", " "), name=clash.name)
                    ),
                )
                return None
            return self.own_path
        if clash is not None:
            answer = QMessageBox.question(
                self,
                _("Replace a case file?"),
                plain(
                    _(
                        "Your cases folder already has this document (UA {ua}) in {name}. Replace "
                        "that file with this one?"
                    ).format(ua=case.ua, name=clash.name)
                ),
                QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
                QMessageBox.StandardButton.No,
            )
            return clash if answer == QMessageBox.StandardButton.Yes else None
        return free_path(self.cases_dir, case_file_name(case))

    def _same_document(self, case: Case) -> Path | None:
        """Another file in the user's cases folder that holds the same document (same key)."""
        candidates: dict[str, Path] = {}
        try:
            on_disk = sorted(self.cases_dir.glob("*.toml"))
        except OSError:
            on_disk = []
        for path in [*self.existing_paths, *on_disk]:
            try:
                if not _same_file(path.parent, self.cases_dir):
                    continue
            except OSError:
                continue
            if self.own_path is not None and _same_file(path, self.own_path):
                continue
            candidates.setdefault(os.path.normcase(path.resolve()), path)
        for path in candidates.values():
            found = load_case_file(path).case
            if found is not None and found.key == case.key:
                return path
        return None

    def reject(self) -> None:
        """Cancel; asks first when there is something unsaved (an import, or edits)."""
        if self._dirty:
            answer = QMessageBox.question(
                self,
                _("Discard this case?"),
                _("The case is not saved. Close the editor and discard it?"),
                QMessageBox.StandardButton.Discard | QMessageBox.StandardButton.Cancel,
                QMessageBox.StandardButton.Cancel,
            )
            if answer != QMessageBox.StandardButton.Discard:
                return
        self.autosave.discard()
        super().reject()

    @property
    def dirty(self) -> bool:
        return self._dirty

    # ------------------------------------------------------------------ unsaved work

    def _autosave_target(self, source: str) -> str:
        if self.own_path is not None:
            return target_for_file(self.own_path)
        if self.original is not None:
            return target_for_copy(self.original.key)
        if self.draft is not None:
            return target_for_import(source)
        return NEW_CASE

    def _autosave(self) -> None:
        """Keep this session's form on disk, so a crash loses nothing."""
        typed = str(self.fields["ua"].value()).strip()
        ua = normalize_ua(typed) or typed
        title = str(self.fields["title"].value()).strip()
        ua_label = _("UA {ua}").format(ua=ua) if ua else ""
        label = ": ".join(part for part in (ua_label, title) if part)
        try:
            self.autosave.save(self.form_data(), label)
        except (OSError, TypeError, ValueError) as exc:
            self.autosaveNote.setText(
                _("Your changes could not be kept safe on disk: {exc}").format(exc=exc)
            )
            self.autosaveNote.show()
        else:
            self.autosaveNote.hide()

    def restore(self, form: SavedForm) -> None:
        """Put an earlier session's unsaved form back, then forget that session's file."""
        self.restore_form(form.data)
        self._dirty = True
        self.validate()  # also autosaves the restored form under this session
        CaseFormStore.remove([form])
        self.restoreBar.offer(self.autosave.others())

    def _discard_offered(self, forms: list[SavedForm]) -> None:
        CaseFormStore.remove(forms)
        self.restoreBar.offer(self.autosave.others())

    def restore_form(self, data: dict[str, Any]) -> None:
        """Fill the form from :meth:`form_data`'s shape (as autosaved)."""
        self._loading = True
        try:
            for row in list(self.people):
                self.remove_person(row)
            while self.official_forms:
                self.remove_official(len(self.official_forms) - 1)
            defaults: dict[str, Any] = {"kind": CaseKind.INITIAL.value, "update": 1}
            for key, item in self.fields.items():
                item.set_value(data.get(key, defaults.get(key)))
            self._language = self.language()
            self.translationsTab.clear()
            translations = data.get("translations")
            if isinstance(translations, dict):
                self.translationsTab.set_data(
                    {str(k): v for k, v in translations.items() if isinstance(v, dict)}
                )
            for person in _dicts(data.get("people")):
                self.add_person(Person(str(person.get("name", "")), str(person.get("gender", ""))))
            for official in _dicts(data.get("officials")):
                self.add_official(official)
        finally:
            self._loading = False
        self._on_kind()
        self._on_language()
        if self.official_forms:
            self.officialList.setCurrentRow(0)
        self._refresh_officials()

    @classmethod
    def get_data(
        cls,
        parent: QWidget | None,
        case_or_draft: Case | Draft | None,
        cases_dir: Path,
        existing_paths: Iterable[str | os.PathLike[str]] = (),
        *,
        source: str = "",
    ) -> Path | None:
        """Show the editor; the path of the saved case file, or None if nothing was saved.

        ``existing_paths`` are the case files the caller knows (e.g. the library's documents);
        with the files in ``cases_dir`` they are checked so no other case is overwritten."""
        dialog = cls(case_or_draft, cases_dir, existing_paths, source=source, parent=parent)
        try:
            if dialog.exec() == QDialog.DialogCode.Accepted:
                return dialog.saved_path
            return None
        finally:
            dialog.deleteLater()


# The case file's keys in its order: format 2's `language` first, its `translations` after the
# text (the case_to_dict order), then the people and officials.
_CASE_KEYS = (
    "language",
    *(k for k in CASE_KEYS if k not in ("format", "people", "officials")),
    "translations",
    "people",
    "officials",
)
_OFFICIAL_KEYS = (*OFFICIAL_KEYS, *FORMAT_2_OFFICIAL_KEYS)


def _translation_values(text: CaseText) -> dict[str, Any]:
    return {key: getattr(text, key) for key in ("title", "summary", "asks", "model_letter")}


def _dicts(value: Any) -> list[dict[str, Any]]:
    """The tables of an autosaved list (anything else in it is ignored)."""
    return [item for item in value if isinstance(item, dict)] if isinstance(value, list) else []


def _leftover_text(items: Iterable[Leftover], gap: str = "\n\n") -> str:
    """Leftovers for a read-only pane, each after its reason ("after the appeal: ...")."""
    blocks = [
        f"{item.note}:\n{item.text}" if "\n" in item.text else f"{item.note}: {item.text}"
        for item in items
    ]
    return gap.join(blocks)
