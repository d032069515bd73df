"""Qt's names for container types, as Property types.

`Property("QStringList", ...)` works at run time, but pyside6-metaobjectdump (the type
information for qmllint) reads a Property's type only as a name: `Property(QStringList, ...)`.
"""

QStringList = "QStringList"
