"""The main window: case list on the left; the case, the letter composer and the log on the right.

This is the one place where the parts are wired together; parts never call each other. The
window appears with its case list first: the selected case is laid out just after that first
paint, and the composer (with its PDF preview) and the log are built the first time they are
needed.
"""

from __future__ import annotations

from collections.abc import Callable
from datetime import date
from pathlib import Path
from typing import TYPE_CHECKING

from PySide6.QtCore import QSettings, QSize, Qt, QTimer, Signal
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QKeySequence
from PySide6.QtWidgets import (
    QLabel,
    QMainWindow,
    QMessageBox,
    QProxyStyle,
    QPushButton,
    QSplitter,
    QStyle,
    QTabWidget,
)

from uaction_desktop import __version__
from uaction_desktop.gui.case_list import CaseListPanel
from uaction_desktop.gui.case_view import CaseView
from uaction_desktop.gui.composer_actions import make_composer_actions
from uaction_desktop.gui.first_paint import after_first_paint
from uaction_desktop.gui.plain_text import plain, shown
from uaction_desktop.gui.screen_fit import fit_to_screen
from uaction_desktop.i18n import _, format_date, ngettext
from uaction_desktop.library import CaseEntry, CaseLibrary, CaseUnavailable
from uaction_desktop.model import CaseStatus
from uaction_desktop.paths import AppPaths, app_paths
from uaction_desktop.profile import ProfileError, SenderProfile, load_and_upgrade, save_profile

if TYPE_CHECKING:
    from uaction_desktop.actionlog import Action
    from uaction_desktop.gui.composer import Composer, SentRecord
    from uaction_desktop.gui.log_panel import LogPanel

CASE_TAB, WRITE_TAB, LOG_TAB = 0, 1, 2
DAY_CHECK_MS = 60_000
PREFERRED_SIZE = QSize(1280, 820)  # on a smaller screen: as much of it as is available


class _TabBarStyle(QProxyStyle):
    """Tabs whose text is not pushed down when not chosen: Fusion moves it 2 px lower and
    clips it where the text began, which cut the accent off a capital ("Écrire" read
    "Ecrire" until the tab was chosen)."""

    def pixelMetric(self, metric, option=None, widget=None) -> int:
        if metric == QStyle.PixelMetric.PM_TabBarTabShiftVertical:
            return 0
        return super().pixelMetric(metric, option, widget)


class MainWindow(QMainWindow):
    started = Signal()  # the first paint is done and the selected case is laid out
    is_started = False  # (a class attribute: Qt sends events while __init__ runs)

    def __init__(
        self,
        paths: AppPaths | None = None,
        today: date | None = None,
        clock: Callable[[], date] | None = None,
    ) -> None:
        """``today`` fixes the day (tests, ``--today``); otherwise the window follows ``clock``
        (the calendar), so a laptop left open overnight shows tomorrow's deadlines right."""
        super().__init__()
        self.setObjectName("mainWindow")
        self.setWindowTitle(_("Urgent Action letters"))
        self.paths = paths or app_paths()
        self._clock = clock or ((lambda: today) if today else date.today)
        self.today = self._clock()
        self.profile, profile_problem = self._load_profile()
        self.library = CaseLibrary()
        self._entry: CaseEntry | None = None
        self._composer: Composer | None = None
        self._log_panel: LogPanel | None = None
        self._unlogged: list[SentRecord] = []  # sent from the app, not yet logged

        self.caseListPanel = CaseListPanel(self)
        self.caseView = CaseView(self)
        self.tabs = QTabWidget(self)
        self.tabs.setObjectName("caseTabs")
        self.tabs.setDocumentMode(True)
        self._tab_style = _TabBarStyle()  # kept: a widget does not own the style it is given
        self._tab_style.setParent(self.tabs)
        self.tabs.tabBar().setStyle(self._tab_style)
        self.tabs.addTab(self.caseView, _("&Case"))
        self.tabs.addTab(QLabel(_("Preparing the letter…"), self), _("&Write"))
        self.tabs.addTab(QLabel(_("Opening the action log…"), self), _("&Log"))
        self.splitter = QSplitter(Qt.Orientation.Horizontal, self)
        self.splitter.setObjectName("mainSplitter")
        self.splitter.addWidget(self.caseListPanel)
        self.splitter.addWidget(self.tabs)
        self.splitter.setStretchFactor(0, 0)
        self.splitter.setStretchFactor(1, 1)
        self.splitter.setSizes([440, 840])
        self.setCentralWidget(self.splitter)
        self.countLabel = QLabel(self)
        self.statusBar().addPermanentWidget(self.countLabel)
        self.logThisButton = QPushButton(_("Log this…"), self)
        self.logThisButton.setObjectName("logThisButton")
        self.logThisButton.setToolTip(_("Record what you just sent in your action log"))
        self.statusBar().addPermanentWidget(self.logThisButton)  # clear of status messages
        self.logThisButton.hide()

        self.composerActions = make_composer_actions(self)
        self._build_menus()
        self._wire()
        self.setAcceptDrops(True)  # drop an Urgent Action document anywhere to import it
        self.reload_cases()
        self._restore_state()
        if profile_problem:
            self.statusBar().showMessage(profile_problem)
        after_first_paint(self, self.finish_start)  # the whole window is painted in one pass

    def finish_start(self) -> None:
        """What the first frame can do without: the selected case's text, the "done" marks
        read from the log. Runs once, just after the window (with its case list) is first
        painted."""
        if self.is_started:
            return
        self.is_started = True
        self.caseListPanel.flush_selection()  # a search typed before the first paint
        self.caseView.show_entry(self._entry, self.today)
        self._update_acted()
        QTimer.singleShot(0, self.caseListPanel.model.prepare_search)
        self._day_timer = QTimer(self)
        self._day_timer.setInterval(DAY_CHECK_MS)
        self._day_timer.timeout.connect(self.check_day)
        self._day_timer.start()
        self.started.emit()

    def check_day(self) -> bool:
        """Follow the calendar: on a new day, deadlines, statuses and letter dates move on."""
        today = self._clock()
        if today == self.today:
            return False
        self.today = today
        if self._log_panel is not None:
            self._log_panel.today = today
        self.reload_cases()
        self._on_case_selected(self.caseListPanel.current_entry())
        self.statusBar().showMessage(
            _("It is now {today}: deadlines and dates updated.").format(
                today=format_date(today, "long")
            )
        )
        return True

    def changeEvent(self, event) -> None:
        super().changeEvent(event)
        if self.is_started and self.isActiveWindow():
            self.check_day()  # back from sleep: the first thing seen is up to date

    # -- set-up

    def _action(self, text: str, name: str, shortcut=None) -> QAction:
        action = QAction(text, self)
        action.setObjectName(name)
        if shortcut is not None:
            action.setShortcut(shortcut)
        return action

    def _build_menus(self) -> None:
        acts = self.composerActions
        self.exportPdf, self.printLetter = acts.exportPdf, acts.printLetter
        self.emailLetter, self.copyText = acts.emailLetter, acts.copyText

        file_menu = self.menuBar().addMenu(_("&File"))
        self.newCase = self._action(_("&New case…"), "newCase", QKeySequence.StandardKey.New)
        self.editCase = self._action(_("&Edit case…"), "editCase", QKeySequence("Ctrl+Shift+E"))
        self.importCase = self._action(
            _("&Import Urgent Action…"), "importCase", QKeySequence("Ctrl+I")
        )
        self.pasteCase = self._action(
            _("&Paste Urgent Action text…"), "pasteCase", QKeySequence("Ctrl+Shift+V")
        )
        self.editCase.setEnabled(False)
        for action in (self.newCase, self.editCase, self.importCase, self.pasteCase):
            file_menu.addAction(action)
        file_menu.addSeparator()
        for action in (acts.exportPdf, acts.printLetter, acts.emailLetter):
            file_menu.addAction(action)
        file_menu.addSeparator()
        self.meetingPack = self._action(
            _("&Meeting pack…"), "meetingPack", QKeySequence("Ctrl+Shift+P")
        )
        file_menu.addAction(self.meetingPack)
        file_menu.addSeparator()
        self.reloadCases = self._action(
            _("&Reload cases"), "reloadCases", QKeySequence.StandardKey.Refresh
        )
        file_menu.addAction(self.reloadCases)
        file_menu.addSeparator()
        self.quitAction = self._action(_("&Quit"), "quitApp", QKeySequence.StandardKey.Quit)
        file_menu.addAction(self.quitAction)

        edit_menu = self.menuBar().addMenu(_("&Edit"))
        self.findAction = self._action(_("&Find case…"), "findCase", QKeySequence.StandardKey.Find)
        edit_menu.addAction(self.findAction)
        edit_menu.addAction(acts.copyText)
        edit_menu.addSeparator()
        self.preferencesAction = self._action(_("&Preferences…"), "preferences")
        self.preferencesAction.setMenuRole(QAction.MenuRole.PreferencesRole)
        shortcuts = QKeySequence.keyBindings(QKeySequence.StandardKey.Preferences)
        self.preferencesAction.setShortcuts(shortcuts or [QKeySequence("Ctrl+,")])
        edit_menu.addAction(self.preferencesAction)

        view_menu = self.menuBar().addMenu(_("&View"))
        self.showList = self._action(_("Case &list"), "showList", QKeySequence("Ctrl+L"))
        self.showCase = self._action(_("The &case"), "showCase", QKeySequence("Ctrl+1"))
        self.showWriter = self._action(_("&Write a letter"), "showWriter", QKeySequence("Ctrl+2"))
        self.showLog = self._action(_("Action &log"), "showLog", QKeySequence("Ctrl+3"))
        for action in (self.showList, self.showCase, self.showWriter, self.showLog):
            view_menu.addAction(action)

        log_menu = self.menuBar().addMenu(_("&Log"))
        self.logThis = self._action(
            _("&Log what I just sent…"), "logThis", QKeySequence("Ctrl+Shift+L")
        )
        self.logThis.setEnabled(False)
        self.logAdd = self._action(_("&Add an action…"), "logAddMenu")
        for action in (self.logThis, self.logAdd):
            log_menu.addAction(action)

        help_menu = self.menuBar().addMenu(_("&Help"))
        self.aboutAction = self._action(_("&About"), "about")
        help_menu.addAction(self.aboutAction)

    def _wire(self) -> None:
        """Every connection between the parts, in one place (the lazily built parts are wired
        in :meth:`_wire_composer` and :meth:`_wire_log`)."""
        self.caseListPanel.caseSelected.connect(self._on_case_selected)
        self.tabs.currentChanged.connect(self._on_tab)
        self.reloadCases.triggered.connect(self.reload_cases)
        self.quitAction.triggered.connect(self.close)
        self.findAction.triggered.connect(self.caseListPanel.focus_search)
        self.preferencesAction.triggered.connect(self.edit_preferences)
        self.showList.triggered.connect(lambda: self.caseListPanel.table.setFocus())
        self.showCase.triggered.connect(lambda: self.tabs.setCurrentIndex(CASE_TAB))
        self.showWriter.triggered.connect(self._show_writer)
        self.showLog.triggered.connect(lambda: self.tabs.setCurrentIndex(LOG_TAB))
        self.logThis.triggered.connect(self.log_last_sent)
        self.logThisButton.clicked.connect(self.log_last_sent)
        self.logAdd.triggered.connect(lambda: self.logPanel.add_action())
        self.aboutAction.triggered.connect(self._about)
        self.meetingPack.triggered.connect(self.open_meeting_pack)
        self.newCase.triggered.connect(self.new_case)
        self.editCase.triggered.connect(self.edit_case)
        self.importCase.triggered.connect(self.import_case)
        self.pasteCase.triggered.connect(self.paste_case)
        acts = self.composerActions
        acts.exportPdf.triggered.connect(lambda: self.composer.export_pdf())
        acts.printLetter.triggered.connect(lambda: self.composer.print_letter())
        acts.emailLetter.triggered.connect(lambda: self.composer.email_letter())
        acts.copyText.triggered.connect(lambda: self.composer.copy_text())

    def _wire_composer(self, composer: Composer) -> None:
        composer.statusMessage.connect(self.statusBar().showMessage)
        composer.profileSaved.connect(self._on_profile_saved)
        composer.sent.connect(self._on_sent)

    def _wire_log(self, panel: LogPanel) -> None:
        panel.statusMessage.connect(self.statusBar().showMessage)
        panel.changed.connect(self._update_acted)

    # -- the parts built on first use

    @property
    def composer(self) -> Composer:
        if self._composer is None:
            from uaction_desktop.drafts import DraftStore
            from uaction_desktop.gui.composer import Composer

            composer = Composer(
                DraftStore(self.paths.drafts_dir),
                self.profile,
                self._save_profile,
                self,
                actions=self.composerActions,
            )
            self._composer = composer
            self._wire_composer(composer)
            self._put_tab(WRITE_TAB, composer, _("&Write"))
            state = self._window_settings().value("composerSplitter")
            if state is not None:
                composer.splitter.restoreState(state)
            composer.set_entry(self._entry, self.today)
        return self._composer

    @property
    def logPanel(self) -> LogPanel:
        if self._log_panel is None:
            from uaction_desktop.gui.log_panel import LogPanel

            panel = LogPanel(
                self.paths.action_log_file,
                # Every listed case, each read from its file only when the log needs it whole.
                cases=lambda: [e.on_demand() for e in self.caseListPanel.model.entries()],
                signer=lambda: self.profile.name,
                today=self.today,
                parent=self,
            )
            self._log_panel = panel
            self._wire_log(panel)
            self._put_tab(LOG_TAB, panel, _("&Log"))
            panel.refresh()
        return self._log_panel

    def _put_tab(self, index: int, widget, title: str) -> None:
        current = self.tabs.currentIndex()
        placeholder = self.tabs.widget(index)
        self.tabs.blockSignals(True)
        self.tabs.removeTab(index)
        self.tabs.insertTab(index, widget, title)
        self.tabs.setCurrentIndex(current)
        self.tabs.blockSignals(False)
        placeholder.deleteLater()

    def _on_tab(self, index: int) -> None:
        if index == WRITE_TAB:
            self.composer.ensure_composed()
        elif index == LOG_TAB:
            self.logPanel.refresh()

    # -- behaviour

    def reload_cases(self) -> None:
        self.library = CaseLibrary.standard(self.paths.cases_dir, self.paths.case_index_dir)
        entries = self.library.entries(self.today)
        self.caseListPanel.set_cases(
            entries, self.library.problems, self.today, self.library.search_texts
        )
        active = sum(1 for e in entries if e.status is CaseStatus.ACTIVE)
        problems = len(self.library.problems)
        text = ngettext("{count} case", "{count} cases", len(entries)).format(count=len(entries))
        text += ", " + ngettext("{active} active", "{active} active", active).format(active=active)
        if problems:
            text += ", " + ngettext(
                "{count} file problem", "{count} file problems", problems
            ).format(count=problems)
        self.countLabel.setText(text)

    def _on_case_selected(self, entry: CaseEntry | None) -> None:
        if entry is not None and not self._readable(entry):
            entry = None
        self._entry = entry
        if self.is_started:
            self.caseView.show_entry(entry, self.today)
        if self._composer is not None:
            self._composer.set_entry(entry, self.today)
        else:
            has_official = bool(entry and entry.case.officials)
            for action in self.composerActions.all():
                action.setEnabled(has_official)
            if entry is not None and has_official:
                self.emailLetter.setEnabled(any(o.emails for o in entry.case.officials))
        if entry is not None:
            self.setWindowTitle(
                shown(
                    _("UA {ua}: {title} — Urgent Action letters").format(
                        ua=entry.ua, title=entry.case.title
                    )
                )
            )
        else:
            self.setWindowTitle(_("Urgent Action letters"))
        self.editCase.setEnabled(entry is not None)
        bundled = entry is not None and entry.bundled
        self.editCase.setText(_("&Edit a copy of this case…") if bundled else _("&Edit case…"))

    def _readable(self, entry: CaseEntry) -> bool:
        """The case is read from its file when selected; one changed into a broken file since
        the list was made is said in the status bar, and the list is made again."""
        try:
            entry.case  # noqa: B018 - reads the file
        except CaseUnavailable as exc:
            QTimer.singleShot(0, self.reload_cases)
            self.statusBar().showMessage(
                _("This case's file has changed and cannot be read: {exc}").format(exc=exc)
            )
            return False
        return True

    def _show_writer(self) -> None:
        self.tabs.setCurrentIndex(WRITE_TAB)
        self.composer.officialPicker.setFocus()

    def edit_preferences(self) -> None:
        from uaction_desktop.gui.preferences import PreferencesDialog

        profile = PreferencesDialog.get_data(self, self.profile)
        if profile is None:
            return
        try:
            self._save_profile(profile)
        except OSError as exc:
            QMessageBox.warning(
                self, _("Could not save"), _("Preferences were not saved: {exc}").format(exc=exc)
            )
            return
        self._on_profile_saved(profile)
        self.statusBar().showMessage(_("Preferences saved."))

    def _on_profile_saved(self, profile: SenderProfile) -> None:
        self.profile = profile
        if self._composer is not None:
            self._composer.set_profile(profile)

    # -- cases: new, edit, import (the editor is imported on first use, for start-up time)

    def _case_paths(self) -> list[str]:
        return [case.path for case in self.library.documents]

    def new_case(self) -> None:
        from uaction_desktop.gui.case_editor import CaseEditor

        self._case_saved(CaseEditor.get_data(self, None, self.paths.cases_dir, self._case_paths()))

    def edit_case(self) -> None:
        entry = self.caseListPanel.current_entry()
        if entry is None:
            return
        from uaction_desktop.gui.case_editor import CaseEditor

        path = CaseEditor.get_data(self, entry.case, self.paths.cases_dir, self._case_paths())
        self._case_saved(path)

    def import_case(self) -> None:
        from uaction_desktop.gui.import_actions import choose_and_import

        self._case_saved(
            choose_and_import(
                self, cases_dir=self.paths.cases_dir, existing_paths=self._case_paths()
            )
        )

    def paste_case(self) -> None:
        from uaction_desktop.gui.import_actions import import_pasted_text

        self._case_saved(
            import_pasted_text(
                self, cases_dir=self.paths.cases_dir, existing_paths=self._case_paths()
            )
        )

    def import_files(self, paths: list[Path]) -> None:
        from uaction_desktop.gui.import_actions import import_document

        for path in paths:
            self._case_saved(
                import_document(
                    self, path, cases_dir=self.paths.cases_dir, existing_paths=self._case_paths()
                )
            )

    def _case_saved(self, path: Path | None) -> None:
        if path is None:
            return
        self.reload_cases()
        case = next((c for c in self.library.documents if Path(c.path) == path), None)
        if case is None:
            problem = next((p for p in self.library.problems if Path(p.file) == path), None)
            detail = f" ({problem.message})" if problem else ""
            self.statusBar().showMessage(
                _("Saved {name}{detail}").format(name=path.name, detail=detail)
            )
            return
        self.caseListPanel.search.clear()
        self.caseListPanel.scope.setCurrentIndex(2)  # "All": an expired case is listed too
        self.caseListPanel.select_ua(case.ua)
        self.statusBar().showMessage(_("Saved UA {ua} to {path}").format(ua=case.ua, path=path))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        from uaction_desktop.gui.import_actions import accepts_drop

        if accepts_drop(event.mimeData()):
            event.acceptProposedAction()
        else:
            event.ignore()

    def dropEvent(self, event: QDropEvent) -> None:
        from uaction_desktop.gui.import_actions import dropped_paths

        paths = dropped_paths(event.mimeData())
        if not paths:
            event.ignore()
            return
        event.acceptProposedAction()
        # Open the editor once the drop has completed: a modal dialog inside dropEvent would
        # keep the file manager that started the drag waiting.
        QTimer.singleShot(0, lambda: self.import_files(paths))

    def open_meeting_pack(self) -> None:
        from uaction_desktop.gui.pack_dialog import PackDialog

        result = PackDialog.open(
            self, self.library, self.profile, self.today, record=self.logPanel.record
        )
        if result is not None:
            self.statusBar().showMessage(_("Meeting pack saved: {path}").format(path=result.path))

    def _about(self) -> None:
        QMessageBox.about(
            self,
            _("About"),
            _(
                "uaction-desktop {version}\n\nWrite, print and log Urgent Action appeals, "
                "offline. Nothing you write leaves this computer unless you send it."
            ).format(version=__version__),
        )

    # -- the action log

    def _on_sent(self, record: SentRecord) -> None:
        """After an export, print or email: offer to log it, prefilled. Every letter sent is
        kept until it is logged (the same letter sent twice, by the same channel, counts once)."""
        key = (record.entry.ua, record.official.id, record.channel)
        self._unlogged = [
            r for r in self._unlogged if (r.entry.ua, r.official.id, r.channel) != key
        ]
        self._unlogged.append(record)
        self._show_unlogged()

    def _show_unlogged(self) -> None:
        count = len(self._unlogged)
        self.logThis.setEnabled(bool(count))
        self.logThisButton.setVisible(bool(count))
        self.logThisButton.setText(
            _("Log this…") if count <= 1 else _("Log what I sent ({count})…").format(count=count)
        )
        self.logThisButton.setToolTip(
            _("Record what you just sent in your action log")
            if count <= 1
            else _("Record the {count} things you sent in your action log, one by one").format(
                count=count
            )
        )

    def log_last_sent(self) -> Action | None:
        """Log the most recent unlogged send (the others wait their turn)."""
        from uaction_desktop.actionlog import Action, ActionChannel

        if not self._unlogged:
            return None
        record = self._unlogged[-1]
        prefill = Action.about(
            record.entry.case,
            record.official,
            channel=ActionChannel(record.channel.value),
            sent_on=record.sent_on,
            signer=record.signer or self.profile.name,  # as signed, even if not saved yet
            note=_("{how} from the app").format(how=record.how),
            text=record.text,
        )
        action = self.logPanel.add_action(prefill)
        if action is not None:
            self._unlogged.remove(record)
            self._show_unlogged()
        return action

    def _update_acted(self) -> None:
        """Mark the cases already acted on (read from the log once the window is up)."""
        path = self.paths.action_log_file
        if not path.exists():
            self.caseListPanel.model.set_acted(set())
            return
        from uaction_desktop.actionlog import ActionLog, ActionLogError

        try:
            # Normally opened (an older log is upgraded once); read-only where it must be.
            with ActionLog.open_for_reading(path) as log:
                acted = log.cases_with_actions()
        except ActionLogError as exc:
            self.statusBar().showMessage(str(exc))
            return
        self.caseListPanel.model.set_acted(acted)

    # -- persistence

    def _load_profile(self) -> tuple[SenderProfile, str]:
        try:
            return load_and_upgrade(self.paths.profile_file)
        except ProfileError as exc:
            return SenderProfile(), _("{problem} (using an empty profile)").format(problem=exc)

    def _save_profile(self, profile: SenderProfile) -> None:
        moved = save_profile(self.paths.profile_file, profile)
        if moved is not None:
            QMessageBox.information(
                self,
                _("Profile saved"),
                plain(
                    _(
                        "Your details are saved. The old profile file could not be read, "
                        "so it was kept as {moved} rather than overwritten."
                    ).format(moved=moved)
                ),
            )

    def _window_settings(self) -> QSettings:
        return QSettings(str(self.paths.config_dir / "window.ini"), QSettings.Format.IniFormat)

    def _restore_state(self) -> None:
        settings = self._window_settings()
        geometry = settings.value("geometry")
        if geometry is not None:
            self.restoreGeometry(geometry)
            fit_to_screen(self)  # saved on a bigger screen, or one no longer attached
        else:
            fit_to_screen(self, PREFERRED_SIZE)
        splitter = settings.value("splitter")
        if splitter is not None:
            self.splitter.restoreState(splitter)

    def closeEvent(self, event: QCloseEvent) -> None:
        if self._composer is not None:
            self._composer.flush_pending()  # what was typed in the last moments too
        if self._log_panel is not None:
            self._log_panel.close_log()
        try:
            self.paths.config_dir.mkdir(parents=True, exist_ok=True)
            settings = self._window_settings()
            settings.setValue("geometry", self.saveGeometry())
            settings.setValue("splitter", self.splitter.saveState())
            if self._composer is not None:
                settings.setValue("composerSplitter", self._composer.splitter.saveState())
            settings.sync()
        except OSError:
            pass  # window state is a nicety; never block quitting over it
        super().closeEvent(event)
