export interface Installed {
	tarball: string;
	folder: string;
	bin: string;
	packages: string[];
	bytesOnDisk: number;
}

export function packAndInstall(folder: string): Installed;
