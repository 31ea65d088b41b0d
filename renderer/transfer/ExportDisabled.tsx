/** Said where Export would be, so the analyst knows it is switched off and not broken. */
export function ExportDisabled() {
  return (
    <p className="export-disabled" data-testid="export-disabled">
      Exporting is switched off on this installation by its administrator, so nothing can leave the cache as a file.
    </p>
  );
}
