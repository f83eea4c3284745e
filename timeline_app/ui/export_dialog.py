"""Ask where to write the timeline picture and at what size."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFileDialog,
    QFormLayout,
    QHBoxLayout,
    QLineEdit,
    QPushButton,
    QSpinBox,
)


class ExportDialog(QDialog):
    """File name (.png or .svg) and pixel size."""

    def __init__(self, parent=None, path: str = "timeline.png", size: tuple[int, int] = (1600, 900)):
        super().__init__(parent)
        self.setWindowTitle("Export image")
        self.file = QLineEdit(str(Path.home() / path))
        browse = QPushButton("Browse…")
        browse.clicked.connect(self._browse)
        row = QHBoxLayout()
        row.addWidget(self.file)
        row.addWidget(browse)
        self.width_ = QSpinBox(minimum=200, maximum=20000, value=size[0], suffix=" px")
        self.height_ = QSpinBox(minimum=200, maximum=20000, value=size[1], suffix=" px")
        form = QFormLayout(self)
        form.addRow("File (PNG or SVG):", row)
        form.addRow("Width:", self.width_)
        form.addRow("Height:", self.height_)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel)
        buttons.accepted.connect(self.accept)
        buttons.rejected.connect(self.reject)
        form.addRow(buttons)

    @property
    def path(self) -> Path:
        return Path(self.file.text()).expanduser()

    @property
    def image_size(self) -> tuple[int, int]:
        return self.width_.value(), self.height_.value()

    def _browse(self) -> None:
        name, _ = QFileDialog.getSaveFileName(self, "Export image", self.file.text(),
                                              "PNG image (*.png);;SVG drawing (*.svg)")
        if name:
            self.file.setText(name)
