"""The main window: case list on the left; the case and the letter composer on the right.

This is the one place where the parts are wired together; parts never call each other.
"""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QKeySequence
from PySide6.QtWidgets import QLabel, QMainWindow, QMessageBox, QSplitter, QTabWidget

from uaction_desktop import __version__
from uaction_desktop.drafts import DraftStore
from uaction_desktop.gui.case_list import CaseListPanel
from uaction_desktop.gui.case_view import CaseView
from uaction_desktop.gui.composer import Composer
from uaction_desktop.gui.preferences import PreferencesDialog
from uaction_desktop.library import CaseEntry, CaseLibrary
from uaction_desktop.paths import AppPaths, app_paths
from uaction_desktop.profile import ProfileError, SenderProfile, load_profile, save_profile


class MainWindow(QMainWindow):
    def __init__(self, paths: AppPaths | None = None, today: date | None = None) -> None:
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle("Urgent Action letters")
        self.paths = paths or app_paths()
        self.today = today or date.today()
        self.profile, profile_problem = self._load_profile()
        self.library = CaseLibrary()

        self.caseListPanel = CaseListPanel(self)
        self.caseView = CaseView(self)
        self.composer = Composer(
            DraftStore(self.paths.drafts_dir), self.profile, self._save_profile, self
        )
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.addTab(self.caseView, "&Case")
        self.tabs.addTab(self.composer, "&Write")
        self.tabs.setDocumentMode(True)
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.caseListPanel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([360, 920])
        self.setCentralWidget(self.splitter)
        self.countLabel = QLabel(self)
        self.statusBar().addPermanentWidget(self.countLabel)

        self._build_menus()
        self._wire()
        self.reload_cases()
        self._restore_state()
        if profile_problem:
            self.statusBar().showMessage(profile_problem)

    # -- set-up

    def _build_menus(self) -> None:
        composer = self.composer
        file_menu = self.menuBar().addMenu("&File")
        file_menu.addAction(composer.exportPdf)
        file_menu.addAction(composer.printLetter)
        file_menu.addAction(composer.emailLetter)
        file_menu.addSeparator()
        self.reloadCases = QAction("&Reload cases", self)
        self.reloadCases.setObjectName("reloadCases")
        self.reloadCases.setShortcut(QKeySequence.StandardKey.Refresh)
        file_menu.addAction(self.reloadCases)
        file_menu.addSeparator()
        self.quitAction = QAction("&Quit", self)
        self.quitAction.setObjectName("quitApp")
        self.quitAction.setShortcut(QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quitAction)

        edit_menu = self.menuBar().addMenu("&Edit")
        self.findAction = QAction("&Find case…", self)
        self.findAction.setObjectName("findCase")
        self.findAction.setShortcut(QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.findAction)
        edit_menu.addAction(composer.copyText)
        edit_menu.addSeparator()
        self.preferencesAction = QAction("&Preferences…", self)
        self.preferencesAction.setObjectName("preferences")
        self.preferencesAction.setMenuRole(QAction.MenuRole.PreferencesRole)
        shortcuts = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.preferencesAction.setShortcuts(shortcuts or [QKeySequence("Ctrl+,")])
        edit_menu.addAction(self.preferencesAction)

        view_menu = self.menuBar().addMenu("&View")
        self.showCase = QAction("The &case", self)
        self.showCase.setObjectName("showCase")
        self.showCase.setShortcut(QKeySequence("Ctrl+1"))
        self.showWriter = QAction("&Write a letter", self)
        self.showWriter.setObjectName("showWriter")
        self.showWriter.setShortcut(QKeySequence("Ctrl+2"))
        self.showList = QAction("Case &list", self)
        self.showList.setObjectName("showList")
        self.showList.setShortcut(QKeySequence("Ctrl+L"))
        for action in (self.showList, self.showCase, self.showWriter):
            view_menu.addAction(action)

        help_menu = self.menuBar().addMenu("&Help")
        self.aboutAction = QAction("&About", self)
        self.aboutAction.setObjectName("about")
        help_menu.addAction(self.aboutAction)

    def _wire(self) -> None:
        """Every connection between the parts, in one place."""
        self.caseListPanel.caseSelected.connect(self._on_case_selected)
        self.composer.statusMessage.connect(self.statusBar().showMessage)
        self.composer.profileSaved.connect(self._on_profile_saved)
        self.reloadCases.triggered.connect(self.reload_cases)
        self.quitAction.triggered.connect(self.close)
        self.findAction.triggered.connect(self._on_find)
        self.preferencesAction.triggered.connect(self.edit_preferences)
        self.showCase.triggered.connect(lambda: self.tabs.setCurrentWidget(self.caseView))
        self.showWriter.triggered.connect(self._show_writer)
        self.showList.triggered.connect(lambda: self.caseListPanel.table.setFocus())
        self.aboutAction.triggered.connect(self._about)

    # -- behaviour

    def reload_cases(self) -> None:
        self.library = CaseLibrary.standard(self.paths.cases_dir)
        entries = self.library.entries(self.today)
        self.caseListPanel.set_cases(entries, self.library.problems, self.today)
        active = sum(1 for e in entries if e.status.value == "active")
        problems = len(self.library.problems)
        text = f"{len(entries)} case{'s' if len(entries) != 1 else ''}, {active} active"
        if problems:
            text += f", {problems} file problem{'s' if problems != 1 else ''}"
        self.countLabel.setText(text)

    def _on_case_selected(self, entry: CaseEntry | None) -> None:
        self.caseView.show_entry(entry, self.today)
        self.composer.set_entry(entry, self.today)
        if entry is not None:
            self.setWindowTitle(f"UA {entry.ua}: {entry.case.title} — Urgent Action letters")
        else:
            self.setWindowTitle("Urgent Action letters")

    def _on_find(self) -> None:
        self.caseListPanel.focus_search()

    def _show_writer(self) -> None:
        self.tabs.setCurrentWidget(self.composer)
        self.composer.officialPicker.setFocus()

    def edit_preferences(self) -> None:
        profile = PreferencesDialog.get_data(self, self.profile)
        if profile is None:
            return
        try:
            self._save_profile(profile)
        except OSError as exc:
            QMessageBox.warning(self, "Could not save", f"Preferences were not saved: {exc}")
            return
        self._on_profile_saved(profile)
        self.statusBar().showMessage("Preferences saved.")

    def _on_profile_saved(self, profile: SenderProfile) -> None:
        self.profile = profile
        self.composer.set_profile(profile)

    def _about(self) -> None:
        QMessageBox.about(
            self,
            "About",
            f"uaction-desktop {__version__}\n\nWrite, print and log Urgent Action appeals, "
            "offline. Nothing you write leaves this computer unless you send it.",
        )

    # -- persistence

    def _load_profile(self) -> tuple[SenderProfile, str]:
        try:
            return load_profile(self.paths.profile_file), ""
        except ProfileError as exc:
            return SenderProfile(), f"{exc} (using an empty profile)"

    def _save_profile(self, profile: SenderProfile) -> None:
        save_profile(self.paths.profile_file, profile)

    def _window_settings(self) -> QSettings:
        return QSettings(str(self.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_state(self) -> None:
        settings = self._window_settings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 820)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)
        composer_split = settings.value("composerSplitter")
        if composer_split is not None:
            self.composer.splitter.restoreState(composer_split)

    def closeEvent(self, event: QCloseEvent) -> None:
        self.composer.save_draft()
        try:
            self.paths.config_dir.mkdir(parents=True, exist_ok=True)
            settings = self._window_settings()
            settings.setValue("geometry", self.saveGeometry())
            settings.setValue("splitter", self.splitter.saveState())
            settings.setValue("composerSplitter", self.composer.splitter.saveState())
            settings.sync()
        except OSError:
            pass  # window state is a nicety; never block quitting over it
        super().closeEvent(event)
