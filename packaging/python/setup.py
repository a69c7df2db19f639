# The wheel holds a native library but no Python extension module: it is
# installed as platform code and tagged py3-none-<platform> (any Python 3,
# this platform only).
from setuptools import setup
from setuptools.dist import Distribution
from wheel.bdist_wheel import bdist_wheel


class NativeLibrary(Distribution):
    def has_ext_modules(self):
        return True


class PlatformWheel(bdist_wheel):
    def get_tag(self):
        return ("py3", "none", super().get_tag()[2])


setup(distclass=NativeLibrary, cmdclass={"bdist_wheel": PlatformWheel})
