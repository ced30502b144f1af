// Export's public surface: what the popup, the collection page and the CLI import.
export { SPREADSHEET_HEADER, CELL_JOINER, joinCell, toSpreadsheetRow, toSpreadsheetRows, type RowPosting } from './rows';
export { UTF8_BOM, neutraliseCell, unneutraliseCell, toCSV, toTSV, toTSVRow, toTSVTable, parseDelimited, type CsvOptions } from './delimited';
export {
  SavedPostingSchema, CollectionSchema, BackupSchema, BACKUP_FORMAT, BACKUP_VERSION, postingKey, upsertPosting, removePosting, mergeCollections,
  toJSON, parseBackup, collectionRows, COLLECTION_HEADER, patchPosting, POSTING_STATUSES, topValues, filterCollection, sortCollection, SORT_KEYS,
  type SavedPosting, type SavedPostingInput, type PostingStatus, type TrackingPatch, type Collection, type Backup, type BackupParse, type ValueCount, type CollectionFilter, type SortKey,
} from './collection';
