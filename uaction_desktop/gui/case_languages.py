"""A case in several languages, in the case editor: its translations and salutations per language.

A section publishes an Urgent Action in its own language; a coordinator may add the appeal in
other languages so that writers there can send a letter that does not mix languages. The
translations tab holds one form per language (title, summary, appeal points, model letter);
each official's form gets its salutation in the other languages. Both are turned into the case
file's ``[translations.xx]`` tables and ``salutations`` and checked by the loader, like every
other field (:mod:`uaction_desktop.gui.case_editor` imports this module when it builds itself).
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any

from PySide6.QtCore import Qt
from PySide6.QtWidgets import (
    QComboBox,
    QFormLayout,
    QFrame,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QPushButton,
    QScrollArea,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from uaction_desktop.gui.case_editor import (
    ChoiceField,
    FormField,
    LineField,
    LinesField,
    ProblemSlot,
    TextField,
)
from uaction_desktop.i18n import _, language_display_name

# The letter languages the app writes; a file may hold another code, which is kept as it is.
LANGUAGE_NAMES = {"en": "English", "fr": "French", "es": "Spanish", "de": "German"}
TEXT_KEYS = ("title", "summary", "asks", "model_letter")


def language_label(code: str) -> str:
    """ "French (fr)"; a code the app has no name for is shown as it is."""
    if code not in LANGUAGE_NAMES:
        return code
    name = language_display_name(code)  # as a label: "Français (fr)", "Español (es)"
    return f"{name[:1].upper()}{name[1:]} ({code})"


def language_choices(extra: Iterable[str] = ()) -> list[tuple[str, str]]:
    codes = [*LANGUAGE_NAMES, *(c for c in extra if c and c not in LANGUAGE_NAMES)]
    return [(language_label(code), code) for code in codes]


class LanguageField(ChoiceField):
    """The language the case's own text is in (``language``)."""

    def __init__(self, label: str, tab: QWidget, **kw: Any) -> None:
        super().__init__(label, tab, language_choices(), **kw)

    def _show(self, value: Any) -> None:
        super()._show(value or "en")


class SalutationsField(FormField):
    """An official's salutation in each language but the case's own (``salutations``): one
    line per language, e.g. French "Monsieur le Procureur général"."""

    widget: QWidget

    def __init__(self, label: str, tab: QWidget, **kw: Any) -> None:
        self.lines: dict[str, QLineEdit] = {}
        self.rows: dict[str, QLabel] = {}
        self.own = "en"
        super().__init__(QWidget(), label, tab, **kw)
        self.form = QFormLayout(self.widget)
        self.form.setContentsMargins(0, 0, 0, 0)
        for code in LANGUAGE_NAMES:
            self._add_line(code)
        self.set_own_language("en")

    def _add_line(self, code: str) -> QLineEdit:
        line = QLineEdit(self.widget)
        name = self.widget.objectName() or "officialSalutations"
        line.setObjectName(f"{name}_{code}")
        line.setAccessibleName(
            _("Salutation in {language}").format(language=language_display_name(code))
        )
        example = _EXAMPLES.get(code)
        line.setPlaceholderText(_("e.g. {example}").format(example=example) if example else "")
        line.textChanged.connect(self._changed)
        label = QLabel(f"{language_label(code)}:", self.widget)
        label.setBuddy(line)
        self.form.addRow(label, line)
        self.lines[code] = line
        self.rows[code] = label
        return line

    def set_own_language(self, code: str) -> None:
        """The case's own language has its salutation in the Salutation field: its line is
        hidden, unless it holds text (which the loader then points out)."""
        self.own = code
        for lang, line in self.lines.items():
            visible = lang != code or bool(line.text().strip())
            line.setVisible(visible)
            self.rows[lang].setVisible(visible)

    def value(self) -> dict[str, str]:
        return {
            code: line.text().strip() for code, line in self.lines.items() if line.text().strip()
        }

    def _show(self, value: Any) -> None:
        values = dict(value or {})
        for code in values:
            if code not in self.lines:
                self._add_line(code)
        for code, line in self.lines.items():
            line.blockSignals(True)
            line.setText(str(values.get(code, "")))
            line.setCursorPosition(0)
            line.blockSignals(False)
        self.set_own_language(self.own)

    def _connect(self) -> None:
        pass  # each line is connected as it is made

    def focus_widget(self) -> QWidget:
        visible = [line for line in self.lines.values() if line.isVisibleTo(self.widget)]
        return visible[0] if visible else self.widget


_EXAMPLES = {  # each language's own salutation (not translated: it is that language's)
    "en": "Dear Prosecutor General",
    "fr": "Monsieur le Procureur général",
    "es": "Señor Fiscal General",
    "de": "Sehr geehrter Herr Generalstaatsanwalt",
}


class TranslationForm(QWidget):
    """The case's text in one more language: title, summary, appeal points, model letter."""

    def __init__(self, code: str, tab: QWidget, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.code = code
        self.setObjectName(f"translation_{code}")
        name = language_display_name(code)
        self.fields: dict[str, FormField] = {
            "title": LineField(
                _("Title:"),
                tab,
                _("The headline in {name}").format(name=name),
                name=f"translation_{code}_title",
            ),
            "summary": TextField(
                _("Summary:"),
                tab,
                _("The first paragraph in {name}").format(name=name),
                80,
                name=f"translation_{code}_summary",
            ),
            "asks": LinesField(
                _("Appeal points (one per line):"),
                tab,
                _("The appeal points in {name}, one per line").format(name=name),
                110,
                joiner="\n\n",
                name=f"translation_{code}_asks",
            ),
            "model_letter": TextField(
                _("Model letter:"),
                tab,
                _("A model letter in {name}, if there is one").format(name=name),
                90,
                name=f"translation_{code}_model_letter",
            ),
        }
        self.slot = ProblemSlot(language_label(code), tab, self)
        self.remove = QPushButton(_("Remove the {name} translation").format(name=name), self)
        self.remove.setObjectName(f"translation_{code}_remove")
        self.remove.setAutoDefault(False)
        layout = QVBoxLayout(self)
        layout.addWidget(self.slot.error)
        form = QFormLayout()
        form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        for item in self.fields.values():
            label = QLabel(item.label, self)
            label.setBuddy(item.widget)
            form.addRow(label, item.box)
        layout.addLayout(form)
        layout.addWidget(self.remove, 0, Qt.AlignmentFlag.AlignLeft)
        layout.addStretch(1)

    def data(self) -> dict[str, Any]:
        """The ``[translations.xx]`` table: the values given (an empty one is the loader's to
        name, so an empty form is still written)."""
        out: dict[str, Any] = {}
        for key, item in self.fields.items():
            value = item.value()
            if isinstance(value, str):
                value = value.strip()
            if value:
                out[key] = value
        return out

    def set_data(self, values: dict[str, Any]) -> None:
        for key, item in self.fields.items():
            item.set_value(values.get(key, () if key == "asks" else ""))


class TranslationsTab(QWidget):
    """Every translation of the case, one sub-tab per language, with Add and Remove."""

    def __init__(
        self, on_edit: Callable[[FormField], None], on_structure: Callable[[], None]
    ) -> None:
        super().__init__()
        self.setObjectName("editorTranslationsTab")
        self._on_edit = on_edit
        self._on_structure = on_structure
        self.forms: dict[str, TranslationForm] = {}
        self.pages: dict[str, QScrollArea] = {}  # each form scrolls within its sub-tab
        self.own = "en"
        intro = QLabel(
            _(
                "The case in other languages, so that writers can send a letter all in their own "
                "language: the appeal points (or a model letter) in that language make a letter "
                "possible. Each official's salutation in these languages is on the Officials tab."
            ),
            self,
        )
        intro.setWordWrap(True)
        self.slot = ProblemSlot(_("Translations"), self, self)
        self.picker = QComboBox(self)
        self.picker.setObjectName("translationLanguage")
        self.picker.setAccessibleName(_("Language of the new translation"))
        self.addButton = QPushButton(_("Add a translation"), self)
        self.addButton.setObjectName("translationAdd")
        self.addButton.setAutoDefault(False)
        self.addButton.clicked.connect(self._add_picked)
        self.empty = QLabel(_("No translations yet: the case is in one language."), self)
        self.empty.setObjectName("translationsEmpty")
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("translationTabs")
        self.tabs.setAccessibleName(_("Translations of the case"))
        row = QHBoxLayout()
        label = QLabel(_("Language:"), self)
        label.setBuddy(self.picker)
        row.addWidget(label)
        row.addWidget(self.picker)
        row.addWidget(self.addButton)
        row.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addWidget(intro)
        layout.addWidget(self.slot.error)
        layout.addLayout(row)
        layout.addWidget(self.empty)
        layout.addWidget(self.tabs, 1)
        self._refresh()

    # -- structure

    def add(
        self, code: str, values: dict[str, Any] | None = None, *, focus: bool = False
    ) -> TranslationForm:
        if code in self.forms:
            form = self.forms[code]
        else:
            form = TranslationForm(code, self, self)
            for item in form.fields.values():
                item.on_edit = self._on_edit
            form.remove.clicked.connect(lambda: self.remove(code))
            page = QScrollArea()
            page.setObjectName(f"translation_{code}_page")
            page.setWidgetResizable(True)
            page.setFrameShape(QFrame.Shape.NoFrame)
            page.setWidget(form)
            self.forms[code] = form
            self.pages[code] = page
            self.tabs.addTab(page, language_label(code))
        if values:
            form.set_data(values)
        self._refresh()
        self.tabs.setCurrentWidget(self.pages[code])
        if focus:
            form.fields["asks"].widget.setFocus()
        self._on_structure()
        return form

    def remove(self, code: str) -> None:
        form = self.forms.pop(code, None)
        if form is None:
            return
        page = self.pages.pop(code)
        self.tabs.removeTab(self.tabs.indexOf(page))
        page.deleteLater()
        self._refresh()
        self._on_structure()

    def clear(self) -> None:
        for code in list(self.forms):
            self.remove(code)

    def set_own_language(self, code: str) -> None:
        self.own = code
        self._refresh()

    def _add_picked(self) -> None:
        code = self.picker.currentData()
        if code:
            self.add(str(code), focus=True)

    def _refresh(self) -> None:
        """Offer the languages not yet used (nor the case's own)."""
        free = [c for c in LANGUAGE_NAMES if c not in self.forms and c != self.own]
        self.picker.blockSignals(True)
        self.picker.clear()
        for code in free:
            self.picker.addItem(language_label(code), code)
        self.picker.blockSignals(False)
        self.picker.setEnabled(bool(free))
        self.addButton.setEnabled(bool(free))
        self.empty.setVisible(not self.forms)
        self.tabs.setVisible(bool(self.forms))
        for code in self.forms:
            index = self.tabs.indexOf(self.pages[code])
            own = " " + _("(the case's own language!)") if code == self.own else ""
            self.tabs.setTabText(index, language_label(code) + own)

    # -- values

    def data(self) -> dict[str, dict[str, Any]]:
        return {code: form.data() for code, form in self.forms.items()}

    def set_data(self, translations: dict[str, dict[str, Any]]) -> None:
        for code, values in translations.items():
            self.add(code, values)
        if self.forms:
            self.tabs.setCurrentIndex(0)

    def all_fields(self) -> list[FormField]:
        return [item for form in self.forms.values() for item in form.fields.values()]

    def slots(self) -> list[ProblemSlot]:
        """The lines for problems of a whole translation, or of all of them."""
        return [self.slot, *(form.slot for form in self.forms.values())]

    def field_for(self, path: str) -> ProblemSlot:
        """``translations.fr.asks[1]`` -> the French appeal points; ``translations.fr`` -> the
        French form's own line; anything else -> the tab's."""
        parts = path.split(".")
        form = self.forms.get(parts[1]) if len(parts) > 1 else None
        if form is None:
            return self.slot
        if len(parts) > 2:
            key = parts[2].split("[", 1)[0]
            if key in form.fields:
                return form.fields[key]
        return form.slot

    def show_form_of(self, slot: ProblemSlot) -> None:
        """Bring up the sub-tab a field or form line is on (before focusing it)."""
        for code, form in self.forms.items():
            if slot is form.slot or slot in form.fields.values():
                self.tabs.setCurrentWidget(self.pages[code])
                if isinstance(slot, FormField):
                    self.pages[code].ensureWidgetVisible(slot.box)
                return
