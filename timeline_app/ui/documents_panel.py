"""The loaded documents: colour in the timeline, reference date and where it came from; change the date."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import QDate, Qt
from PySide6.QtGui import QColor, QIcon, QPixmap
from PySide6.QtWidgets import (
    QAbstractItemView,
    QDateEdit,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QPushButton,
    QTreeWidget,
    QTreeWidgetItem,
    QVBoxLayout,
    QWidget,
)

from timeline_app.ui.timeline_view import document_color

SOURCE_WORDS = {
    "user": "set by you",
    "metadata": "from the file's metadata",
    "dateline": "from the dateline",
    "text": "found in the text",
    "file-time": "file modification date (no date found)",
}


class ReferenceDateDialog(QDialog):
    """Ask for a document's publication date."""

    def __init__(self, title: str, current: date, parent=None):
        super().__init__(parent)
        self.setWindowTitle("Change reference date")
        self.edit = QDateEdit(QDate(current), calendarPopup=True, displayFormat="yyyy-MM-dd")
        form = QFormLayout(self)
        label = QLabel(f"Relative times in “{title}” (“last week”, “on Monday”…) will be resolved again "
                       "against this date.", wordWrap=True)
        form.addRow(label)
        form.addRow("Publication date:", self.edit)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Ok | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def date(self) -> date:
        return self.edit.date().toPython()


class DocumentsPanel(QWidget):
    """List of documents; double-click or the button changes a document's reference date."""

    def __init__(self, session, parent=None):
        super().__init__(parent)
        self.session = session
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels(["Document", "Published", "Date from"])
        self.tree.setRootIsDecorated(False)
        self.tree.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.tree.setColumnWidth(0, 220)
        self.tree.setColumnWidth(1, 90)
        self.change = QPushButton("Change date…", enabled=False)
        box = QVBoxLayout(self)
        box.setContentsMargins(2, 2, 2, 2)
        box.addWidget(self.tree)
        box.addWidget(self.change)
        self.change.clicked.connect(self._ask_date)
        self.tree.itemDoubleClicked.connect(lambda *_: self._ask_date())
        self.tree.currentItemChanged.connect(lambda cur, _: self.change.setEnabled(cur is not None))
        self._shown: list = []  # the results the rows show, in order
        session.documents_changed.connect(self._refresh)
        self._refresh()

    def current_document(self) -> str | None:
        item = self.tree.currentItem()
        return item.data(0, Qt.ItemDataRole.UserRole) if item else None

    def _refresh(self) -> None:
        results = self.session.session.documents()  # as shown: re-dated documents with their new date
        shown = self._shown
        # the usual change while loading is documents appended at the end: add only their rows
        if len(results) >= len(shown) and all(a is b for a, b in zip(results, shown, strict=False)):
            for i in range(len(shown), len(results)):
                self.tree.addTopLevelItem(self._item(i, results[i]))
            self._shown = results
            return
        current = self.current_document()
        self.tree.clear()
        for i, result in enumerate(results):
            item = self._item(i, result)
            self.tree.addTopLevelItem(item)
            if result.document.id == current:
                self.tree.setCurrentItem(item)
        self._shown = results

    @staticmethod
    def _item(i: int, result) -> QTreeWidgetItem:
        d = result.document
        swatch = QPixmap(12, 12)
        swatch.fill(QColor(document_color(i)))
        item = QTreeWidgetItem([d.title, d.reference_date.isoformat(),
                                SOURCE_WORDS.get(d.reference_source, d.reference_source)])
        item.setIcon(0, QIcon(swatch))
        item.setData(0, Qt.ItemDataRole.UserRole, d.id)
        item.setToolTip(0, f"{d.title}\n{d.path}\n{len(result.events)} events")
        if d.reference_source == "file-time":
            item.setToolTip(2, "No publication date was found in the file; the file's modification date is "
                               "used. Change it if you know the real date.")
        return item

    def _ask_date(self) -> None:
        doc_id = self.current_document()
        result = self.session.result(doc_id) if doc_id else None
        if result is None:
            return
        dialog = ReferenceDateDialog(result.document.title, result.document.reference_date, self)
        if dialog.exec() == QDialog.DialogCode.Accepted:
            self.session.set_reference_date(doc_id, dialog.date)
