import { ArrayMaxSize, IsArray, IsObject, IsOptional, IsString, MaxLength, ValidateIf } from 'class-validator';

/** A whole tree at once: CSV text (Chinese or English headers) or JSON rows. */
export class ImportUnitsRequest {
  /** CSV with a header row: 编码,名称,层级,类型,上级编码,党员数 (or unitId,name,level,unitType,parentId,memberCount) */
  @ValidateIf((o: ImportUnitsRequest) => o.units === undefined)
  @IsString({ message: 'csv 或 units 必须提供其一 (csv must be a string when units is absent)' })
  @MaxLength(10_000_000)
  csv?: string;

  @IsOptional()
  @IsArray()
  @ArrayMaxSize(200_000)
  @IsObject({ each: true })
  units?: Record<string, unknown>[];
}
