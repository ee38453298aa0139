/// `file:line:column: field: message`, the one-line form that editors and terminals link to.
/// Unknown parts are left out: no column without a line, no field when it is nil or empty.
func positionedMessage(file: String, line: Int?, column: Int?, field: String?, message: String) -> String {
    var text = file
    if let line {
        text += ":\(line)"
        if let column { text += ":\(column)" }
    }
    text += ": "
    if let field, !field.isEmpty { text += field + ": " }
    return text + message
}
