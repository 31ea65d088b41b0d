import { EARTH_RADIUS_METRES } from '../../../shared/geo';
import { NumberColumn } from './columns';

/** A degree of latitude, on the sphere geo.ts measures on. */
export const METRES_PER_DEGREE = (EARTH_RADIUS_METRES * Math.PI) / 180;
const ABSENT = -1;

/**
 * Entities by position, in cells at least `cellMetres` wide, so that everything within that
 * distance of a point lies in the point's cell or the eight around it.
 */
export interface SpatialGrid {
  has(entity: number): boolean;
  latitudeOf(entity: number): number;
  longitudeOf(entity: number): number;
  put(entity: number, lat: number, lon: number): void;
  /** True when it was there. */
  remove(entity: number): boolean;
  /**
   * Fills `into` with the cells around a point and says how many it filled. A cell is a flat
   * array of (entity, latitude, longitude) triples, so a walk reads one run of memory rather than
   * jumping to each entity's entry in the columns. A cell may also hold entities of another, far
   * cell, and one cell may come twice: callers measure every candidate's distance anyway.
   */
  cellsAround(lat: number, lon: number, into: number[][]): number;
}

/** The length of one entity's entry in a cell: its number, latitude and longitude. */
export const CELL_ENTRY = 3;

export function spatialGrid(cellMetres: number): SpatialGrid {
  const cellLat = cellMetres / METRES_PER_DEGREE;
  const cells = new Map<number, number[]>();
  const latitudes = new NumberColumn(Number.NaN);
  const longitudes = new NumberColumn(Number.NaN);
  const cellKeys = new NumberColumn(ABSENT);
  const slots = new NumberColumn(ABSENT);

  // A row's cells are one cell width wide at the row's edge nearest a pole, so at least that wide
  // everywhere in the row; clamped so that near the poles a row is not one endless cell.
  const cellLon = (row: number): number => {
    const poleward = Math.max(Math.abs(row * cellLat), Math.abs((row + 1) * cellLat));
    return cellLat / Math.max(0.01, Math.cos((Math.min(90, poleward) * Math.PI) / 180));
  };
  const rowOf = (lat: number): number => Math.floor(lat / cellLat);
  // Row and column hashed into 30 bits, so a key is always a small integer and a lookup allocates
  // nothing; two cells that share a key share an array, which costs a few distance checks at most.
  const keyOf = (row: number, column: number): number => (Math.imul(row, 0x9e3779b1) ^ Math.imul(column, 0x85ebca77)) & 0x3fffffff;

  /** Takes an entity out of its cell by moving the cell's last entry into its place. */
  const takeOut = (entity: number): void => {
    const key = cellKeys.get(entity);
    const cell = cells.get(key);
    cellKeys.set(entity, ABSENT);
    if (cell === undefined) return;
    const slot = slots.get(entity);
    const last = cell.length - CELL_ENTRY;
    if (slot !== last) {
      const moved = cell[last] as number;
      cell[slot] = moved;
      cell[slot + 1] = cell[last + 1] as number;
      cell[slot + 2] = cell[last + 2] as number;
      slots.set(moved, slot);
    }
    cell.length = last;
    if (last === 0) cells.delete(key);
  };

  return {
    has: (entity) => cellKeys.get(entity) !== ABSENT,
    latitudeOf: (entity) => latitudes.get(entity),
    longitudeOf: (entity) => longitudes.get(entity),
    put(entity, lat, lon) {
      latitudes.set(entity, lat);
      longitudes.set(entity, lon);
      const row = rowOf(lat);
      const key = keyOf(row, Math.floor(lon / cellLon(row)));
      const current = cellKeys.get(entity);
      if (current === key) {
        const cell = cells.get(key) as number[];
        const slot = slots.get(entity);
        cell[slot + 1] = lat;
        cell[slot + 2] = lon;
        return;
      }
      if (current !== ABSENT) takeOut(entity);
      let cell = cells.get(key);
      if (cell === undefined) {
        cell = [];
        cells.set(key, cell);
      }
      cellKeys.set(entity, key);
      slots.set(entity, cell.length);
      cell.push(entity, lat, lon);
    },
    remove(entity) {
      if (cellKeys.get(entity) === ABSENT) return false;
      takeOut(entity);
      return true;
    },
    cellsAround(lat, lon, into) {
      let filled = 0;
      const row = rowOf(lat);
      for (let dRow = -1; dRow <= 1; dRow += 1) {
        const column = Math.floor(lon / cellLon(row + dRow));
        for (let dColumn = -1; dColumn <= 1; dColumn += 1) {
          const cell = cells.get(keyOf(row + dRow, column + dColumn));
          if (cell !== undefined) into[filled++] = cell;
        }
      }
      return filled;
    },
  };
}

/**
 * Squared distance on a plane tangent at the first point, whose latitude's cosine the caller works
 * out once for all its comparisons: within a fraction of a percent at tens of kilometres.
 */
export function flatSquaredMetres(lat: number, lon: number, cosLat: number, otherLat: number, otherLon: number): number {
  const north = (lat - otherLat) * METRES_PER_DEGREE;
  const east = (lon - otherLon) * METRES_PER_DEGREE * cosLat;
  return north * north + east * east;
}

export function cosOfLatitude(lat: number): number {
  return Math.cos((lat * Math.PI) / 180);
}
