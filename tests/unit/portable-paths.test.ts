import { join } from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  PORTABLE_DATA_FOLDER,
  PORTABLE_MARKER,
  portableDataDir,
  resolveDataDir,
} from '../../src/main/paths'

/** An executable in `folder`, with exactly these files on the disk. */
function exe(execPath: string, files: string[] = []) {
  return { execPath, fileExists: (path: string) => files.includes(path) }
}

const stick = '/media/trainer/STICK'
const marked = exe(join(stick, 'Dichtbij'), [join(stick, PORTABLE_MARKER)])

describe('the data folder of a portable app', () => {
  it('--data-dir wins over everything, also over a portable marker', () => {
    expect(
      resolveDataDir(
        ['Dichtbij', '--data-dir=/srv/cursus'],
        { DICHTBIJ_DATA_DIR: '/env' },
        '/home',
        marked,
      ),
    ).toBe('/srv/cursus')
    expect(resolveDataDir(['Dichtbij', '--data-dir', '/srv/x'], {}, '/home', marked)).toBe('/srv/x')
  })

  it('a file named portable beside the executable puts the data folder beside it', () => {
    expect(PORTABLE_MARKER).toBe('portable')
    expect(resolveDataDir(['Dichtbij'], {}, '/home/a/.config/Dichtbij', marked)).toBe(
      join(stick, 'Dichtbij-data'),
    )
    expect(PORTABLE_DATA_FOLDER).toBe('Dichtbij-data')
    expect(portableDataDir({}, marked)).toBe(join(stick, 'Dichtbij-data'))
  })

  it("Windows' portable .exe: the folder of the .exe (PORTABLE_EXECUTABLE_DIR) counts, not the temp folder it runs from", () => {
    const usb = 'E:\\Dichtbij'
    const unpacked = exe('/tmp/2bXy/Dichtbij.exe', [join(usb, PORTABLE_MARKER)])
    const env = { PORTABLE_EXECUTABLE_DIR: usb }
    expect(resolveDataDir(['Dichtbij.exe'], env, '/appdata/Dichtbij', unpacked)).toBe(
      join(usb, PORTABLE_DATA_FOLDER),
    )
    // The same .exe without the marker beside it keeps its data in the user's app-data folder,
    // also when the temp folder happens to hold a file of that name.
    const noMarker = exe('/tmp/2bXy/Dichtbij.exe', ['/tmp/2bXy/portable'])
    expect(resolveDataDir(['Dichtbij.exe'], env, '/appdata/Dichtbij', noMarker)).toBe(
      '/appdata/Dichtbij',
    )
    expect(portableDataDir(env, noMarker)).toBeUndefined()
  })

  it('an AppImage: the folder of the AppImage file (APPIMAGE), not the mount it runs from', () => {
    const mounted = exe('/tmp/.mount_DichtbXyZ/dichtbij', [join(stick, PORTABLE_MARKER)])
    const env = { APPIMAGE: join(stick, 'Dichtbij-0.1.0.AppImage') }
    expect(resolveDataDir(['dichtbij'], env, '/home/a/.config/Dichtbij', mounted)).toBe(
      join(stick, PORTABLE_DATA_FOLDER),
    )
    expect(portableDataDir({}, mounted)).toBeUndefined()
  })

  it('without a marker (an installed app) the default folder, and DICHTBIJ_DATA_DIR before it', () => {
    const installed = exe('/opt/Dichtbij/dichtbij', ['/opt/Dichtbij/resources/app.asar'])
    expect(resolveDataDir(['dichtbij'], {}, '/home/a/.config/Dichtbij', installed)).toBe(
      '/home/a/.config/Dichtbij',
    )
    expect(portableDataDir({}, installed)).toBeUndefined()
    expect(resolveDataDir(['dichtbij'], { DICHTBIJ_DATA_DIR: '/env' }, '/home', marked)).toBe(
      '/env',
    )
    // npm run web passes no executable: never portable.
    expect(resolveDataDir(['node'], {}, '/home/a/.dichtbij-web')).toBe('/home/a/.dichtbij-web')
  })

  it('an empty PORTABLE_EXECUTABLE_DIR falls back to the executable’s own folder', () => {
    expect(portableDataDir({ PORTABLE_EXECUTABLE_DIR: '' }, marked)).toBe(
      join(stick, 'Dichtbij-data'),
    )
  })
})
