"""Preferences: the sender profile, default paper and closing phrase."""

from __future__ import annotations

from PySide6.QtWidgets import (
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLineEdit,
    QPlainTextEdit,
    QWidget,
)

from uaction_desktop.i18n import _
from uaction_desktop.languages import APP_LANGUAGES, NATIVE_NAMES, system_language
from uaction_desktop.profile import LAYOUT_LABELS, LAYOUTS, SenderProfile


class PreferencesDialog(QDialog):
    def __init__(self, profile: SenderProfile, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setObjectName("preferencesDialog")
        self.setWindowTitle(_("Preferences"))
        self._profile = profile
        self.name = QLineEdit(profile.name, self)
        self.name.setObjectName("prefName")
        self.address = QPlainTextEdit("\n".join(profile.address), self)
        self.address.setObjectName("prefAddress")
        self.address.setTabChangesFocus(True)
        self.address.setFixedHeight(80)
        self.email = QLineEdit(profile.email, self)
        self.email.setObjectName("prefEmail")
        self.country = QLineEdit(profile.country, self)
        self.country.setObjectName("prefCountry")
        self.group = QLineEdit(profile.group, self)
        self.group.setObjectName("prefGroup")
        self.group.setPlaceholderText(_("e.g. Amnesty International Group 42"))
        self.closing = QLineEdit(profile.closing, self)
        self.closing.setObjectName("prefClosing")
        self.closing.setPlaceholderText(_("Yours sincerely, (A4) / Sincerely, (US Letter)"))
        self.layout_box = QComboBox(self)
        self.layout_box.setObjectName("prefLayout")
        for name in LAYOUTS:
            self.layout_box.addItem(_(LAYOUT_LABELS.get(name, name)), name)
        self.layout_box.setCurrentIndex(max(self.layout_box.findData(profile.paper), 0))
        self.language = QComboBox(self)
        self.language.setObjectName("prefLanguage")
        system = NATIVE_NAMES[system_language()]
        self.language.addItem(_("As the system ({language})").format(language=system), "")
        for code in APP_LANGUAGES:
            self.language.addItem(NATIVE_NAMES[code], code)
        self.language.setCurrentIndex(max(self.language.findData(profile.language), 0))
        self.languageNote = QLabel(
            _(
                "The window changes language the next time the app starts; letters are written "
                "in this language where the case allows it."
            ),
            self,
        )
        self.languageNote.setObjectName("prefLanguageNote")
        self.languageNote.setWordWrap(True)
        form = QFormLayout(self)
        form.addRow(_("&Name:"), self.name)
        form.addRow(_("&Address:"), self.address)
        form.addRow(_("&Email:"), self.email)
        form.addRow(_("&Country you write from:"), self.country)
        form.addRow(_("&Group:"), self.group)
        form.addRow(_("C&losing phrase:"), self.closing)
        form.addRow(_("Default &paper:"), self.layout_box)
        form.addRow(_("Lang&uage:"), self.language)
        form.addRow("", self.languageNote)
        buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel, self
        )
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    def profile(self) -> SenderProfile:
        lines = tuple(
            line.strip() for line in self.address.toPlainText().splitlines() if line.strip()
        )
        return SenderProfile(
            name=self.name.text().strip(),
            address=lines,
            email=self.email.text().strip(),
            country=self.country.text().strip(),
            group=self.group.text().strip(),
            closing=self.closing.text().strip(),
            layout=self._chosen_layout(),
            locale=self._profile.locale,
            language=self.language.currentData() or "",
        )

    def _chosen_layout(self) -> str:
        """The paper, if the user chose one; "" (follow the country) if it was left alone."""
        chosen = self.layout_box.currentData()
        left_alone = not self._profile.layout and chosen == self._profile.paper
        return "" if left_alone else chosen

    @classmethod
    def get_data(cls, parent: QWidget | None, profile: SenderProfile) -> SenderProfile | None:
        """Show the dialog; the edited profile, or None if cancelled."""
        dialog = cls(profile, parent)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            return dialog.profile()
        return None
